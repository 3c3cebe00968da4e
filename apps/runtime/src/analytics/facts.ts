import type { EngineInput, IntentMatch, PersistedSnapshot } from '@flowdesk/engine';
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Conversation, ConversationChannelColumn, Database, Json, JsonObject, Timestamp } from '../db/schema';
import { insertSummarized } from './conversation-summary';

export type FactKind =
  | 'block_entered'
  | 'input_answered'
  | 'handoff'
  | 'first_response'
  | 'resolved'
  | 'reopened'
  /** A visitor's rating (migration 0710), dated at the resolution it rates; written by csat/survey.ts. */
  | 'csat'
  /** An intent a step matched (migration 0720): its trigger or Match Intent block, the intent's id. */
  | 'intent_matched';

/** migration 0700: one row per thing that happened, written in the transaction of the change. */
export interface AnalyticsFactsTable {
  id: Generated<string>;
  workspace_id: string;
  bot_id: string;
  flow_version_id: string | null;
  conversation_id: string;
  kind: FactKind;
  block_id: string | null;
  intent: string | null;
  reason: string | null;
  agent_id: string | null;
  team_id: string | null;
  /** The conversation's channel when the fact was recorded (migration 0720). */
  channel: ColumnType<ConversationChannelColumn, ConversationChannelColumn | undefined, ConversationChannelColumn>;
  at: Timestamp;
  payload: Json<JsonObject>;
}

export type AnalyticsTables = { analytics_facts: AnalyticsFactsTable };

export function analyticsDb(db: Kysely<Database>): Kysely<Database & AnalyticsTables> {
  return db.$extendTables<AnalyticsTables>() as Kysely<Database & AnalyticsTables>;
}

export interface FactInput {
  kind: FactKind;
  blockId?: string | null;
  intent?: string | null;
  reason?: string | null;
  at?: Date;
  payload?: JsonObject;
}

/** Appends facts about `conversation` (as it is after the change) inside the caller's transaction. */
export async function recordFacts(trx: Kysely<Database>, conversation: Conversation, facts: FactInput[]) {
  if (facts.length === 0) return;
  const insert = analyticsDb(trx)
    .insertInto('analytics_facts')
    .values(
      facts.map((fact) => ({
        workspace_id: conversation.workspace_id,
        bot_id: conversation.bot_id,
        flow_version_id: conversation.flow_version_id,
        conversation_id: conversation.id,
        kind: fact.kind,
        block_id: fact.blockId ?? null,
        intent: fact.intent ?? null,
        reason: fact.reason ?? null,
        agent_id: conversation.assignee_id,
        team_id: conversation.team_id,
        channel: conversation.channel,
        at: fact.at ?? new Date(),
        payload: JSON.stringify(fact.payload ?? {}),
      })),
    )
    .returningAll();
  await insertSummarized(trx, insert);
}

const elapsed = (from: Date | null, to: Date | null) => (from && to ? to.getTime() - from.getTime() : null);

/**
 * The facts a conversation row change implies, whoever wrote it (flow step, inbox, agent reply): the first
 * human response and the resolution are measured from the handoff that began the current wait.
 */
export function transitionFacts(before: Conversation, after: Conversation): FactInput[] {
  const facts: FactInput[] = [];
  if (!before.first_response_at && after.first_response_at && after.handed_off_at) {
    facts.push({
      kind: 'first_response',
      at: after.first_response_at,
      payload: {
        handedOffAt: after.handed_off_at.toISOString(),
        ms: elapsed(after.handed_off_at, after.first_response_at),
      },
    });
  }
  if (before.status !== 'resolved' && after.status === 'resolved') {
    const at = after.resolved_at ?? new Date();
    // An agent resolving a conversation the bot still held took it over; a flow's end resolves it by the bot.
    const human = before.status !== 'bot' || after.assignee_id !== null;
    facts.push({
      kind: 'resolved',
      reason: human ? 'human' : 'bot',
      at,
      payload:
        human && after.handed_off_at
          ? { handedOffAt: after.handed_off_at.toISOString(), ms: elapsed(after.handed_off_at, at) }
          : {},
    });
  }
  if (before.status === 'resolved' && after.status !== 'resolved') {
    facts.push({ kind: 'reopened', reason: after.status === 'needs_agent' ? 'to_agents' : 'to_bot' });
  }
  return facts;
}

/**
 * One flow step: every block entered (a loop's repeats are separate visits), the prompt it answered, and
 * each intent it matched (by id; the name it had in this version rides along for the overview).
 */
export function stepFacts(
  before: PersistedSnapshot | null,
  input: EngineInput,
  step: { path: string[]; intents: IntentMatch[] },
): FactInput[] {
  const facts: FactInput[] = [];
  if (input.type === 'visitor_message' && before?.status === 'waiting' && before.activeBlockId) {
    facts.push({ kind: 'input_answered', blockId: before.activeBlockId });
  }
  for (const blockId of step.path) facts.push({ kind: 'block_entered', blockId });
  for (const match of step.intents)
    facts.push({ kind: 'intent_matched', ...intentColumns(match), blockId: match.blockId });
  return facts;
}

/** The `intent` column (the intent's id) and the name it had, for a fact about that intent. */
export function intentColumns(match: Pick<IntentMatch, 'intentId' | 'name'>): Pick<FactInput, 'intent' | 'payload'> {
  return { intent: match.intentId, payload: { intentName: match.name } };
}

/**
 * Whether nobody could take the handoff when it happened (out of office hours or nobody online), and the
 * name of the intent that led to it.
 */
export function handoffPayload(context: {
  followUp?: { reason: string } | undefined;
  intent?: IntentMatch | undefined;
}): JsonObject {
  return {
    ...(context.followUp ? { offline: true, offlineReason: context.followUp.reason } : { offline: false }),
    ...(context.intent ? { intentName: context.intent.name } : {}),
  };
}
