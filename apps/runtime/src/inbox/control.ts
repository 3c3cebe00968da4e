import type { HandBackInput } from '@flowdesk/contract';
import type { z } from 'zod';
import { ConflictError, ValidationError } from '../errors';
import { findVersionById } from '../flows/versions-repository';
import type { Services } from '../services';
import { type Viewer, withVisibleConversation } from './access';
import { joinAsAgent } from './agent-messages';
import { appendEvent } from './timeline';

/** Take over at any time, even while the bot is running: the bot pauses and the visitor is told who joined. */
export async function takeOver(services: Services, viewer: Viewer, conversationId: string) {
  return withVisibleConversation(services, viewer, conversationId, async (tx) => {
    const from = tx.conversation.status === 'bot' ? 'bot' : (tx.conversation.assignee_id ?? 'queue');
    if (await joinAsAgent(tx, services, viewer, true)) {
      await appendEvent(tx, 'takeover', `${viewer.name} took over the conversation`, viewer, { from });
    }
    return tx.conversation;
  });
}

/**
 * The bot continues: at the chosen block, or after the handoff block; the visitor sees the bot again.
 * With `end`, the bot does not resume: the conversation ends (see endConversation).
 */
export async function handBack(
  services: Services,
  viewer: Viewer,
  conversationId: string,
  input: z.infer<typeof HandBackInput>,
) {
  if (input.end) {
    if (input.blockId)
      throw new ValidationError('Choose a block or ending the conversation, not both', { field: 'blockId' });
    return endConversation(services, viewer, conversationId);
  }
  await withVisibleConversation(services, viewer, conversationId, async (tx) => {
    if (tx.conversation.status === 'bot') throw new ConflictError('The bot already holds this conversation');
    const version = tx.conversation.flow_version_id
      ? await findVersionById(tx.trx, tx.conversation.flow_version_id)
      : undefined;
    if (!version) throw new ValidationError('This conversation has no bot flow to hand back to');
    if (input.blockId && !services.flows.get(version).blockIds.has(input.blockId)) {
      throw new ValidationError(`The flow has no block "${input.blockId}"`, { field: 'blockId' });
    }
    await tx.update({ assignee_id: null });
    await appendEvent(tx, 'handed_back', `${viewer.name} handed the conversation back to the bot`, viewer, {
      blockId: input.blockId,
    });
  });
  const event = input.blockId ? ({ type: 'goto', blockId: input.blockId } as const) : ({ type: 'handback' } as const);
  return services.conversations.engineEvent(conversationId, event, { resumeBot: true });
}

/**
 * Hand back choosing "End the conversation": no bot step runs and nothing the flow still waited for
 * (buttons, a question) stays open; the conversation is resolved and the visitor told it ended. Their
 * next message reopens it for the agents, as after Resolve.
 */
export async function endConversation(services: Services, viewer: Viewer, conversationId: string) {
  return withVisibleConversation(services, viewer, conversationId, async (tx) => {
    if (tx.conversation.status === 'bot') throw new ConflictError('The bot already holds this conversation');
    if (tx.conversation.status === 'resolved') return { replies: [], conversation: tx.conversation };
    await tx.update({ status: 'resolved', resolved_at: new Date(), awaiting: null });
    await appendEvent(tx, 'resolved', `${viewer.name} ended the conversation`, viewer, { ended: true });
    for (const hook of services.conversationHooks.onResolved) await hook(services, tx);
    return { replies: [], conversation: tx.conversation };
  });
}

/** Resolve: the visitor is told; their next message reopens the conversation. */
export async function resolve(services: Services, viewer: Viewer, conversationId: string) {
  return withVisibleConversation(services, viewer, conversationId, async (tx) => {
    if (tx.conversation.status === 'resolved') return tx.conversation;
    await tx.update({ status: 'resolved', resolved_at: new Date() });
    await appendEvent(tx, 'resolved', `${viewer.name} marked the conversation as resolved`, viewer);
    for (const hook of services.conversationHooks.onResolved) await hook(services, tx);
    return tx.conversation;
  });
}
