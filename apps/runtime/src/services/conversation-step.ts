import { type EngineInput, type PersistedSnapshot, pendingEffect, snapshotStatus, step } from '@flowdesk/engine';
import { recordFacts, stepFacts } from '../analytics/facts';
import { findLiveVersion } from '../flows/versions-repository';
import type { StoredMessage } from '../repositories/messages';
import { setVisitorContact } from '../repositories/visitors';
import type { Services } from '.';
import { capturedEmail } from './captured-email';
import { armEffect, holdForEffect, speculateBesideIntent, waitsForEffect } from './conversation-effects';
import { beginHandoff } from './conversation-handoff';
import { systemEvent } from './conversation-history';
import type { ConversationTx } from './conversation-tx';
import { createEngineEffects } from './engine-effects';
import { leavesProcess } from './external-effects';
import type { FollowUpMark } from './follow-up';
import type { HandoffContext } from './hooks';

/** An offline outcome whose hook did not say why. */
const NOBODY: FollowUpMark = { reason: 'no_agent_online', replyDueAt: null };

const STEP_TIMEOUT_MS = 60_000;

/**
 * One engine step on a locked conversation: bot messages stored, snapshot and status saved, handoff begun,
 * an external effect recorded for the runner. Returns the bot's messages.
 */
export async function stepOnce(services: Services, tx: ConversationTx, input: EngineInput): Promise<StoredMessage[]> {
  const conversation = tx.conversation;
  const version = conversation.flow_version_id
    ? await services.flows.version(tx.trx, conversation.flow_version_id)
    : undefined;
  if (!version) {
    // No published flow: nobody but a person can answer.
    if (input.type === 'visitor_message')
      await beginHandoff(services, tx, { reason: 'flow', blockId: null, settings: null });
    return [];
  }
  let compiled = services.flows.get(version);
  if (input.type === 'visitor_message' && hasEnded(conversation.engine_snapshot)) {
    // A finished flow starts over, on the bot's live version, when the visitor writes again.
    const live = (await findLiveVersion(tx.trx, conversation.bot_id)) ?? version;
    await tx.update({ engine_snapshot: null, flow_version_id: live.id });
    compiled = services.flows.get(live);
  }
  const waitingFor = pendingEffect(tx.conversation.engine_snapshot);
  if (waitingFor && waitsForEffect(input)) {
    await holdForEffect(services, tx, waitingFor, input);
    return [];
  }
  const before = (tx.conversation.engine_snapshot as PersistedSnapshot | null) ?? null;
  const found: { offline: Omit<HandoffContext, 'intent'> | null } = { offline: null };
  const effects = createEngineEffects(services, tx, (request, followUp) => {
    const mark = followUp ?? NOBODY;
    found.offline = { reason: 'flow', blockId: request.blockId, settings: request.settings, followUp: mark };
  });
  const result = await step(compiled, effects, {
    snapshot: before,
    event: input,
    timeoutMs: STEP_TIMEOUT_MS,
    defer: (kind) => leavesProcess(services, kind, conversation.workspace_id),
  });
  // Deferred: stored with the snapshot update below (one statement), or before commit.
  const replies = await tx.append(
    result.outputs.map((content) => ({ author: 'bot' as const, authorName: tx.botName, content })),
    { defer: true },
  );
  if (result.status === 'error') {
    services.logger.warn({ conversationId: conversation.id, error: result.error }, 'flow step failed');
    replies.push(
      ...(await tx.append([
        { author: 'system', content: systemEvent('error', result.error?.message ?? 'The bot failed.') },
      ])),
    );
    await beginHandoff(services, tx, { reason: 'flow', blockId: null, settings: null });
    return replies;
  }
  const email = capturedEmail(compiled, conversation.variables, result.variables);
  if (email) await setVisitorContact(tx.trx, conversation.visitor_id, { email });
  const armed = result.pending && result.pending.id !== waitingFor?.id ? result.pending : undefined;
  // Recorded first, so that the update below writes it in the same statement.
  if (armed) await armEffect(services, tx, armed);
  // Before the update, so a flow's end (resolved) comes after the blocks that led to it.
  await recordFacts(tx.trx, tx.conversation, stepFacts(before, input, result));
  await tx.update({
    engine_snapshot: JSON.stringify(result.snapshot),
    awaiting: result.awaiting ? JSON.stringify(result.awaiting) : null,
    variables: JSON.stringify(result.variables),
    // A flow that ends after an offline handoff leaves the conversation in the queue, waiting for follow-up.
    ...(result.status === 'ended' && conversation.status === 'bot' && !found.offline
      ? { status: 'resolved', resolved_at: new Date() }
      : {}),
  });
  if (armed?.kind === 'classifyIntent') await speculateBesideIntent(services, tx, compiled, before, input);
  // The intent that led to a handoff is the last one the same step matched (none: the flow's own path).
  const intent = result.intents.at(-1);
  // A handoff nobody could take now still enters the team's queue (summary, priority, alerts), marked for follow-up.
  if (found.offline && !result.handoff) await beginHandoff(services, tx, { ...found.offline, intent });
  if (result.handoff) {
    await beginHandoff(services, tx, {
      reason: 'flow',
      blockId: result.handoff.blockId,
      settings: result.handoff.settings,
      intent,
    });
  }
  return replies;
}

function hasEnded(snapshot: unknown): boolean {
  return snapshotStatus(snapshot) === 'ended';
}
