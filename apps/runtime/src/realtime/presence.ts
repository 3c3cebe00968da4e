import type { PublicUser } from '../repositories/users';
import type { Services } from '../services';

/**
 * Counts each agent's open dashboard sockets on this instance. When the last one closes the agent is
 * marked offline (presence is otherwise set by the agent), and every dashboard hears of it.
 */
export class AgentPresence {
  private readonly sockets = new Map<string, number>();

  constructor(private readonly services: Services) {}

  connected(user: PublicUser) {
    this.sockets.set(user.id, (this.sockets.get(user.id) ?? 0) + 1);
  }

  disconnected(user: PublicUser) {
    const left = (this.sockets.get(user.id) ?? 1) - 1;
    if (left > 0) {
      this.sockets.set(user.id, left);
      return;
    }
    this.sockets.delete(user.id);
    this.services.background.run('presence offline', async () => {
      const updated = await this.services.db
        .updateTable('users')
        .set({ presence: 'offline' })
        .where('id', '=', user.id)
        .where('presence', '!=', 'offline')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return;
      this.services.hub.publish({
        kind: 'presence',
        workspaceId: user.workspaceId,
        userId: user.id,
        status: 'offline',
      });
    });
  }
}
