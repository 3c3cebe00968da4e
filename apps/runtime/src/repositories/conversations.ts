import type { MessageContent, VisitorConversation } from '@flowdesk/contract';
import { snapshotStatus } from '@flowdesk/engine';
import type { Kysely, QueryCreator } from 'kysely';
import type { Conversation, ConversationChannelColumn, ConversationUpdate, Database } from '../db/schema';
import type { ConversationEvent } from '../realtime/events';
import { botHolds } from '../services/follow-up';
import { newId } from '../services/secrets';
import type { NewMessageRow } from './messages';
import { insertPendingEffects, type NewPendingEffect } from './pending-effects';

export function findConversation(db: Kysely<Database>, id: string) {
  return db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The visitor's newest conversation with this bot. */
export function latestVisitorConversation(db: Kysely<Database>, visitorId: string) {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('visitor_id', '=', visitorId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertConversation(
  db: Kysely<Database>,
  input: {
    workspaceId: string;
    botId: string;
    visitorId: string;
    flowVersionId: string | null;
    variables: Record<string, unknown>;
    channel?: ConversationChannelColumn;
  },
) {
  return db
    .insertInto('conversations')
    .values({
      id: newId(),
      workspace_id: input.workspaceId,
      bot_id: input.botId,
      visitor_id: input.visitorId,
      flow_version_id: input.flowVersionId,
      variables: JSON.stringify(input.variables),
      channel: input.channel ?? 'widget',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Writes that ride along with a conversation's update (one statement, one round trip). */
export interface RowsAlong {
  /** Rows from `newMessageRows`. */
  messages?: NewMessageRow[];
  /** Pending effects recorded (re-recording an id renews its deadline and lease). */
  effects?: NewPendingEffect[];
  /** Pending effects removed (their result applied or dropped). */
  removedEffects?: string[];
}

/** Updates the row; the rows `along` are written by the same statement. */
export async function updateConversation(
  db: Kysely<Database>,
  id: string,
  patch: ConversationUpdate,
  along: RowsAlong = {},
) {
  // The CTEs' rows are not read back: the caller built them and knows what they hold.
  let creator: QueryCreator<Database> = db;
  const { messages = [], effects = [], removedEffects = [] } = along;
  if (messages.length) {
    creator = creator.with('stored_messages', (cte) =>
      cte.insertInto('messages').values(messages).returning('id'),
    ) as unknown as QueryCreator<Database>;
  }
  if (effects.length) {
    creator = creator.with('armed_effects', (cte) =>
      insertPendingEffects(cte as unknown as Kysely<Database>, effects).returning('id'),
    ) as unknown as QueryCreator<Database>;
  }
  if (removedEffects.length) {
    creator = creator.with('removed_effects', (cte) =>
      cte.deleteFrom('pending_effects').where('id', 'in', removedEffects).returning('id'),
    ) as unknown as QueryCreator<Database>;
  }
  return creator
    .updateTable('conversations')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The agent a visitor sees (name and avatar), when one holds the conversation. */
export async function visibleAgent(db: Kysely<Database>, conversation: Conversation) {
  if (!conversation.assignee_id || conversation.status === 'bot') return null;
  const agent = await db
    .selectFrom('users')
    .select(['name', 'avatar_url'])
    .where('id', '=', conversation.assignee_id)
    .executeTakeFirst();
  return agent ? { name: agent.name, avatarUrl: agent.avatar_url } : null;
}

export function toVisitorConversation(
  conversation: Conversation,
  agent: VisitorConversation['agent'],
  replyTime: string | null,
): VisitorConversation {
  // While the bot finishes its offline branch the visitor still talks to the bot (the team's queue is the agents' view).
  const bot = botHolds(conversation);
  return {
    id: conversation.id,
    status: bot ? 'bot' : conversation.status,
    lastSeq: conversation.last_seq,
    agent,
    replyTime,
    awaiting: bot ? ((conversation.awaiting as MessageContent | null) ?? null) : null,
    working: botIsWorking(conversation),
  };
}

/** The bot holds the conversation and waits for an outside call (HTTP block, AI) before it says more. */
export function botIsWorking(conversation: Parameters<typeof botHolds>[0]): boolean {
  return botHolds(conversation) && snapshotStatus(conversation.engine_snapshot) === 'working';
}

export function toConversationEvent(conversation: Conversation, visitor: VisitorConversation): ConversationEvent {
  return {
    kind: 'conversation',
    workspaceId: conversation.workspace_id,
    conversation: {
      id: conversation.id,
      status: conversation.status,
      priority: conversation.priority,
      assigneeId: conversation.assignee_id,
      teamId: conversation.team_id,
      lastSeq: conversation.last_seq,
      working: visitor.working,
    },
    visitor,
  };
}
