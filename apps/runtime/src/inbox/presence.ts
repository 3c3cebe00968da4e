import type { Presence } from '../db/schema';
import type { Services } from '../services';

/**
 * The agent's chosen presence (online/away/offline), told to every dashboard of the workspace. The
 * realtime layer (realtime/presence.ts) sets offline when the agent's last socket closes; round-robin
 * routing only picks agents who are online.
 */
export async function setPresence(services: Services, user: { id: string; workspaceId: string }, status: Presence) {
  const updated = await services.db
    .updateTable('users')
    .set({ presence: status })
    .where('id', '=', user.id)
    .where('presence', '!=', status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return;
  services.hub.publish({ kind: 'presence', workspaceId: user.workspaceId, userId: user.id, status });
}
