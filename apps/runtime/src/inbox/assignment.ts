import type { AssignInput, PriorityInput } from '@flowdesk/contract';
import type { z } from 'zod';
import { ValidationError } from '../errors';
import { workspaceRow } from '../repositories/workspace-rows';
import { type AgentChange, agentChange } from './access';
import { notifyAssignment } from './notify';
import { appendEvent } from './timeline';

/** Assign to an agent and/or a team. Last writer wins; each change leaves "assigned to X by Y" in the timeline. */
export const assign = agentChange(
  async (tx, { services, viewer, conversationId, input }: AgentChange<z.infer<typeof AssignInput>>) => {
    const { trx } = tx;
    const assignee = input.assigneeId ? await workspaceRow(trx, 'users', viewer.workspaceId, input.assigneeId) : null;
    if (input.assigneeId && !assignee)
      throw new ValidationError('No such teammate in this workspace', { field: 'assigneeId' });
    const team = input.teamId ? await workspaceRow(trx, 'teams', viewer.workspaceId, input.teamId) : null;
    if (input.teamId && !team) throw new ValidationError('No such team in this workspace', { field: 'teamId' });

    const before = tx.conversation;
    const assigneeChanged = input.assigneeId !== undefined && input.assigneeId !== before.assignee_id;
    const teamChanged = input.teamId !== undefined && input.teamId !== before.team_id;
    if (!assigneeChanged && !teamChanged) return before;
    await tx.update({
      ...(assigneeChanged ? { assignee_id: input.assigneeId ?? null } : {}),
      ...(teamChanged ? { team_id: input.teamId ?? null } : {}),
    });
    let eventId = '';
    if (teamChanged) {
      const text = team
        ? `Assigned to the ${team.name} team by ${viewer.name}`
        : `Removed from the team by ${viewer.name}`;
      eventId = (await appendEvent(tx, 'team_assigned', text, viewer, { teamId: team?.id ?? null })).message.id;
    }
    if (assigneeChanged) {
      const who = assignee ? (assignee.id === viewer.id ? 'themselves' : assignee.name) : null;
      const text = who ? `Assigned to ${who} by ${viewer.name}` : `Unassigned by ${viewer.name}`;
      eventId = (await appendEvent(tx, 'assigned', text, viewer, { assigneeId: assignee?.id ?? null })).message.id;
    }
    await notifyAssignment(trx, services, {
      conversationId,
      assignedById: viewer.id,
      eventId,
      assigneeId: assigneeChanged ? (assignee?.id ?? null) : null,
      teamId: teamChanged ? (team?.id ?? null) : null,
    });
    return tx.conversation;
  },
);

/** Change (or clear) the priority; the reason says who set it. */
export const setPriority = agentChange(async (tx, { viewer, input }: AgentChange<z.infer<typeof PriorityInput>>) => {
  if (tx.conversation.priority === input.priority) return tx.conversation;
  await tx.update({ priority: input.priority, priority_reason: input.priority ? `Set by ${viewer.name}` : null });
  const text = input.priority
    ? `Priority set to ${input.priority} by ${viewer.name}`
    : `Priority cleared by ${viewer.name}`;
  await appendEvent(tx, 'priority_changed', text, viewer, { priority: input.priority });
  return tx.conversation;
});
