import type { NoteInput, ReplyInput } from '@flowdesk/contract';
import type { z } from 'zod';
import { findMessageByClientId, type StoredMessage, toMessage } from '../repositories/messages';
import type { Services } from '../services';
import type { ConversationTx } from '../services/conversation-tx';
import { type AgentChange, agentChange, type Viewer } from './access';
import { markRead } from './list-extras';
import { mentionableIds, publishMentions } from './mentions';
import { notifyMentions } from './notify';
import { publishRead } from './read-state';
import { appendEvent } from './timeline';

/**
 * Puts a person in charge: while the bot or the queue holds the conversation, the bot pauses, the visitor
 * is told who joined and the viewer is assigned (`claim` takes it even from another agent). Returns
 * whether anything changed.
 */
export async function joinAsAgent(tx: ConversationTx, services: Services, viewer: Viewer, claim = false) {
  const current = tx.conversation;
  const assignee = claim ? viewer.id : (current.assignee_id ?? viewer.id);
  if (current.status === 'agent' && current.assignee_id === assignee) return false;
  if (current.status === 'bot') {
    await services.conversations.beginHandoff(tx, { reason: 'takeover', blockId: null, settings: null });
  }
  const joining = current.status !== 'agent' || assignee !== current.assignee_id;
  await tx.update({ status: 'agent', assignee_id: assignee, resolved_at: null });
  if (joining && assignee === viewer.id) {
    await appendEvent(tx, 'agent_joined', `${viewer.name} joined the conversation`, viewer);
  }
  return true;
}

/** An agent's reply: the visitor sees it live. Idempotent on clientId; the first reply stamps first_response_at. */
export const reply = agentChange<z.infer<typeof ReplyInput>, StoredMessage>(
  async (tx, { services, viewer, conversationId, input }) => {
    if (input.clientId) {
      const existing = await findMessageByClientId(tx.trx, conversationId, input.clientId);
      if (existing) return toMessage(existing);
    }
    await joinAsAgent(tx, services, viewer);
    const [message] = await tx.append([
      {
        author: 'agent',
        authorId: viewer.id,
        authorName: viewer.name,
        clientId: input.clientId ?? null,
        content: { type: 'text', text: input.text },
      },
    ]);
    if (!tx.conversation.first_response_at) await tx.update({ first_response_at: new Date() });
    await markRead(tx.trx, conversationId, viewer.id, message!.message.seq);
    const read = {
      workspaceId: tx.conversation.workspace_id,
      userId: viewer.id,
      conversationId,
      seq: message!.message.seq,
    };
    tx.afterCommit(() => publishRead(services, read));
    for (const hook of services.conversationHooks.onAgentReply) await hook(services, tx, message!);
    return message!;
  },
);

/**
 * An internal note: stored with internal=true so no visitor API or socket ever carries it. Only mentioned
 * teammates who may see the conversation count as mentioned: they get the email and a dashboard alert.
 */
export const addNote = agentChange(
  async (tx, { services, viewer, conversationId, input }: AgentChange<z.infer<typeof NoteInput>>) => {
    const mentions = await mentionableIds(tx.trx, tx.conversation, input.mentions);
    const [note] = await tx.append([
      {
        author: 'agent',
        authorId: viewer.id,
        authorName: viewer.name,
        content: { type: 'note', text: input.text, mentions },
        internal: true,
      },
    ]);
    await notifyMentions(tx.trx, services, {
      conversationId,
      noteId: note!.message.id,
      authorId: viewer.id,
      noteText: input.text,
      mentionedUserIds: mentions,
    });
    const conversation = tx.conversation;
    tx.afterCommit(() =>
      publishMentions(services, {
        conversation,
        authorId: viewer.id,
        authorName: viewer.name,
        text: input.text,
        userIds: mentions,
      }),
    );
    return note!;
  },
);
