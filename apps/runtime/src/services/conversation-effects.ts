import {
  type AgentTurnRequest,
  type AnswerEffectRequest,
  type CompiledFlow,
  type EngineEffects,
  type EngineInput,
  type PendingEffect,
  type PersistedSnapshot,
  step,
} from '@flowdesk/engine';
import type { JsonObject } from '../db/schema';
import { transcriptIn } from '../inbox/summary';
import { pendingEffectExists, pendingEffectRow } from '../repositories/pending-effects';
import type { Services } from '.';
import type { ConversationTx } from './conversation-tx';
import { effectTimeoutMs } from './external-effects';
import { withRetrieved } from './knowledge-effects';
import { SPECULATED_KINDS } from './speculation';

/** Lines of the chat sent with an AI answer (the newest), so follow-up questions keep their context. */
const ANSWER_TRANSCRIPT_LINES = 20;
/** Visitor messages kept for the bot while it works; later ones are stored and shown, not run. */
export const MAX_QUEUED_INPUTS = 20;

/**
 * Records `pending` in the conversation's transaction (call it before the step's conversation update,
 * which then writes it) and hands it to this instance's runner once the transaction commits. Its deadline is the call's own timeout plus one lease (time for another instance
 * to take it over after a crash).
 */
export async function armEffect(services: Services, tx: ConversationTx, pending: PendingEffect) {
  const request = await callRequest(tx, pending);
  const now = Date.now();
  const lease = services.config.EFFECT_LEASE_MS;
  const effect = {
    id: pending.id,
    conversationId: tx.conversation.id,
    workspaceId: tx.conversation.workspace_id,
    kind: pending.kind,
    request,
    deadlineAt: new Date(now + effectTimeoutMs(services, pending.kind, request) + lease),
    leaseUntil: new Date(now + lease),
  };
  // Written with the conversation's next update (one statement) or before commit.
  tx.armEffect(effect);
  tx.afterCommit(() => services.effects.submit(pendingEffectRow(effect)));
}

/**
 * The request sent for `pending`: AI calls also get the passages found in their knowledge sources (a short
 * read in this transaction; the model is called after commit), an AI answer also the recent chat.
 */
async function callRequest(tx: ConversationTx, pending: Pick<PendingEffect, 'kind' | 'request'>) {
  const request = pending.request as JsonObject;
  if (pending.kind === 'agentTurn')
    return (await withRetrieved(tx, 'agentTurn', request as unknown as AgentTurnRequest)) as unknown as JsonObject;
  if (pending.kind !== 'answer') return request;
  await tx.flush();
  const from = Math.max(0, tx.conversation.last_seq - ANSWER_TRANSCRIPT_LINES * 2);
  const transcript = (await transcriptIn(tx.trx, tx.conversation.id, from)).slice(-ANSWER_TRANSCRIPT_LINES);
  const grounded = await withRetrieved(tx, 'answer', request as unknown as AnswerEffectRequest);
  return { ...grounded, transcript } as unknown as JsonObject;
}

/** Local effects for a dry run: nothing happens, a handoff is taken as accepted. */
const INERT: EngineEffects = {
  http: () => Promise.reject(new Error('dry run')),
  answer: () => Promise.reject(new Error('dry run')),
  agentTurn: () => Promise.reject(new Error('dry run')),
  classifyIntent: () => Promise.reject(new Error('dry run')),
  handoff: async () => ({ outcome: 'handed_off' }),
  sendEmail: async () => {},
};

/**
 * A typed message waits for intent matching: if, without a match, the flow would next ask the model
 * (AI answer or agent turn), start that call now, beside the matching (see Speculation). Found by a dry
 * run of the step without intent routing, with every effect deferred and no local effect performed.
 */
export async function speculateBesideIntent(
  services: Services,
  tx: ConversationTx,
  compiled: CompiledFlow,
  snapshot: PersistedSnapshot | null,
  input: EngineInput,
) {
  const dry = await step(compiled, INERT, { snapshot, event: input, defer: () => true, routeIntents: false });
  const next = dry.pending;
  if (!next || !SPECULATED_KINDS.has(next.kind)) return;
  const request = await callRequest(tx, next);
  const keepMs = effectTimeoutMs(services, next.kind, request) * 2;
  const { id: conversationId, workspace_id: workspaceId } = tx.conversation;
  tx.afterCommit(() =>
    services.effects.speculate({ conversationId, workspaceId }, next.kind, next.request, request, keepMs),
  );
}

/** Inputs the bot cannot take while it waits for an effect: they wait for its result. */
export function waitsForEffect(input: EngineInput): boolean {
  return input.type === 'visitor_message' || input.type === 'handback';
}

/**
 * While the bot works: a visitor message is queued (it is stored already) and runs after the result;
 * a hand back (an agent took over mid-call) lets the bot wait again. Either way an effect whose result
 * was dropped meanwhile (takeover, resolve) is recorded again under the same id and runs again.
 */
export async function holdForEffect(
  services: Services,
  tx: ConversationTx,
  pending: PendingEffect,
  input: EngineInput,
) {
  await tx.flush();
  if (!(await pendingEffectExists(tx.trx, pending.id))) await armEffect(services, tx, pending);
  if (input.type !== 'visitor_message') return;
  const queued = queuedInputs(tx);
  if (queued.length >= MAX_QUEUED_INPUTS) {
    services.logger.warn({ conversationId: tx.conversation.id }, 'visitor message not queued for the bot: queue full');
    return;
  }
  await tx.update({ queued_inputs: JSON.stringify([...queued, input]) });
}

export function queuedInputs(tx: ConversationTx): EngineInput[] {
  const queued = tx.conversation.queued_inputs;
  return Array.isArray(queued) ? (queued as EngineInput[]) : [];
}
