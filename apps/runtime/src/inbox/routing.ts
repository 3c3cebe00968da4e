import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Services } from '../services';
import type { ConversationTx } from '../services/conversation-tx';
import type { HandoffContext } from '../services/hooks';
import { notifyAssignment } from './notify';
import { inboxDb } from './tables';
import { appendEvent } from './timeline';

/** The block's team when it exists in the workspace, else the workspace's default team, else none. */
async function targetTeam(trx: Kysely<Database>, workspaceId: string, teamId: string | null) {
  const teams = inboxDb(trx).selectFrom('teams').select(['id', 'name']).where('workspace_id', '=', workspaceId);
  const chosen = teamId ? await teams.where('id', '=', teamId).executeTakeFirst() : undefined;
  return chosen ?? (await teams.where('is_default', '=', true).orderBy('created_at').executeTakeFirst()) ?? null;
}

/**
 * Round-robin: among the team's online members, the one assigned least recently (never first). The
 * routing rows are locked so two handoffs at once do not pick the same person.
 */
export async function nextOnlineAgent(trx: Kysely<Database>, teamId: string) {
  const db = inboxDb(trx);
  const online = await db
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['users.id', 'users.name'])
    .where('team_members.team_id', '=', teamId)
    .where('users.presence', '=', 'online')
    .execute();
  if (online.length === 0) return null;
  const ids = online.map((user) => user.id);
  await db
    .insertInto('agent_routing')
    .values(ids.map((id) => ({ user_id: id, last_assigned_at: new Date(0) })))
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  const next = await db
    .selectFrom('agent_routing')
    .select('user_id')
    .where('user_id', 'in', ids)
    .orderBy('last_assigned_at')
    .orderBy('user_id')
    .forUpdate()
    .limit(1)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('agent_routing')
    .set({ last_assigned_at: new Date() })
    .where('user_id', '=', next.user_id)
    .execute();
  return online.find((user) => user.id === next.user_id)!;
}

/** Handoff hook (same transaction): fixed priority from the block, team routing and round-robin assignment. */
export function routeHandoff(services: Services) {
  return async (tx: ConversationTx, context: HandoffContext) => {
    if (context.reason === 'takeover') return;
    const fixed = context.settings?.priority.mode === 'fixed' ? context.settings.priority.value : null;
    if (fixed) await tx.update({ priority: fixed, priority_reason: 'Set by the handoff block' });
    const team = await targetTeam(
      tx.trx,
      tx.conversation.workspace_id,
      context.settings?.teamId ?? tx.conversation.team_id,
    );
    if (!team) return;
    await tx.update({ team_id: team.id });
    await appendEvent(tx, 'team_assigned', `Routed to the ${team.name} team`, null, { teamId: team.id });
    const agent = tx.conversation.assignee_id ? null : await nextOnlineAgent(tx.trx, team.id);
    if (!agent) return;
    await tx.update({ assignee_id: agent.id });
    const assigned = await appendEvent(tx, 'assigned', `Assigned to ${agent.name} (round-robin)`, null, {
      assigneeId: agent.id,
    });
    // Only the assignee: the team already hears of the handoff through the "needs attention" email.
    await notifyAssignment(tx.trx, services, {
      conversationId: tx.conversation.id,
      assignedById: null,
      eventId: assigned.message.id,
      assigneeId: agent.id,
    });
  };
}
