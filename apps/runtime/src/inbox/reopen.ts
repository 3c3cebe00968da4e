import type { ReopenInput } from '@flowdesk/contract';
import { ConflictError } from '../errors';
import { withHandoffKind } from '../office-hours/tables';
import { followUpColumns } from '../services/follow-up';
import { type AgentChange, agentChange } from './access';
import { appendEvent } from './timeline';

/**
 * An agent reopens a resolved conversation: they hold it themselves (status `agent`, assigned to them), or
 * with `assignToMe: false` it goes back to the queue as a new wait (`needs_agent`, unassigned, same team).
 * Only someone who may see it can reopen it; anything but a resolved conversation is a 409.
 */
export const reopenConversation = agentChange(async (tx, { viewer, input }: AgentChange<ReopenInput>) => {
  if (tx.conversation.status !== 'resolved') throw new ConflictError('Only a resolved conversation can be reopened');
  if (input.assignToMe) {
    await tx.update({ status: 'agent', assignee_id: viewer.id, resolved_at: null });
  } else {
    await tx.update(
      withHandoffKind(
        {
          status: 'needs_agent',
          assignee_id: null,
          resolved_at: null,
          handed_off_at: new Date(),
          first_response_at: null,
          ...followUpColumns(null),
        },
        'reopen',
      ),
    );
  }
  await appendEvent(tx, 'reopened', `${viewer.name} reopened the conversation`, viewer, {
    assignToMe: input.assignToMe,
  });
  return { status: tx.conversation.status, assigneeId: tx.conversation.assignee_id };
});
