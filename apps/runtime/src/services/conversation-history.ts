import type { MessageContent } from '@flowdesk/contract';
import { withHandoffKind } from '../office-hours/tables';
import { loadMessages, type StoredMessage } from '../repositories/messages';
import type { ConversationTx } from './conversation-tx';
import { followUpColumns } from './follow-up';

/** A timeline event shown in the conversation (handoff, reopened, error…). */
export const systemEvent = (
  kind: Extract<MessageContent, { type: 'event' }>['kind'],
  text: string,
): MessageContent => ({
  type: 'event',
  kind,
  text,
});

/** A resolved conversation the visitor writes to again: back to whoever held it (a person, or the bot). */
export async function reopen(tx: ConversationTx) {
  const status = tx.conversation.handed_off_at ? 'needs_agent' : 'bot';
  // Waiting for a person again: a new first response to measure, timeouts and SLA count from now.
  await tx.update(
    status === 'needs_agent'
      ? withHandoffKind(
          // A new wait: an earlier follow-up mark (and its promised time) belongs to the wait that was resolved.
          { status, resolved_at: null, handed_off_at: new Date(), first_response_at: null, ...followUpColumns(null) },
          'reopen',
        )
      : { status, resolved_at: null },
  );
  await tx.append([{ author: 'system', content: systemEvent('reopened', 'The conversation was reopened.') }]);
}

/** For a retried message: the same message and the bot's answers that followed it. */
export async function repliesTo(tx: ConversationTx, message: StoredMessage) {
  const after = await loadMessages(tx.trx, tx.conversation.id, {
    afterSeq: message.message.seq,
    limit: 50,
    includeInternal: false,
  });
  const next = after.findIndex((entry) => entry.message.author === 'visitor');
  const following = next === -1 ? after : after.slice(0, next);
  return {
    message,
    replies: following.filter((entry) => entry.message.author === 'bot' || entry.message.author === 'system'),
    conversation: tx.conversation,
  };
}
