import { randomUUID } from 'node:crypto';
import type { PublicUser } from '../people/users';
import type { Services } from '../services';
import {
  addConnection,
  markDisconnectedOffline,
  refreshConnections,
  removeConnection,
  removeInstanceRows,
  removeStale,
} from './presence-store';

interface LiveConnection {
  user: PublicUser;
  /** The row's insert; a close waits for it, so a quick open/close leaves no row behind. */
  added: Promise<void>;
}

/**
 * Agents' dashboard sockets, across instances: each socket is a row of `agent_connections` (instance id
 * + last_seen), refreshed on every heartbeat. When an agent's last socket anywhere closes, or the rows
 * of a crashed instance go stale (no heartbeat for ~2 periods), the agent is marked offline and every
 * dashboard hears of it. Presence is otherwise the agent's choice (inbox/presence.ts); the dashboard
 * sends it again whenever its socket (re)connects. Cost: one upsert, one delete and one sweep per
 * instance per heartbeat.
 */
export class AgentPresence {
  readonly instanceId = randomUUID();
  /** A row older than this belongs to no live socket. */
  readonly staleMs: number;
  private readonly live = new Map<string, LiveConnection>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  private beating: Promise<void> = Promise.resolve();

  constructor(
    private readonly services: Services,
    private readonly heartbeatMs = services.config.WS_HEARTBEAT_MS,
  ) {
    this.staleMs = Math.max(2 * heartbeatMs, 5000);
  }

  /** Starts the heartbeat; the first beat sweeps what a crashed instance left behind. */
  start() {
    this.timer = setInterval(() => this.beat(), this.heartbeatMs);
    this.timer.unref();
    this.beat();
  }

  connected(user: PublicUser, connectionId: string) {
    if (this.stopped) return;
    const added = addConnection(this.services.db, {
      id: connectionId,
      userId: user.id,
      instanceId: this.instanceId,
    }).catch((error) => this.services.logger.warn({ err: error }, 'presence: connection not recorded'));
    this.live.set(connectionId, { user, added });
    this.services.background.run('presence connect', () => added);
  }

  disconnected(user: PublicUser, connectionId: string) {
    const entry = this.live.get(connectionId);
    this.live.delete(connectionId);
    if (this.stopped) return;
    this.services.background.run('presence offline', async () => {
      await entry?.added;
      await removeConnection(this.services.db, connectionId);
      await this.markOffline([user.id]);
    });
  }

  /** One heartbeat: refresh this instance's rows, drop rows of gone sockets and stale rows, tell who left. */
  beat(): Promise<void> {
    this.beating = this.beating.then(async () => {
      if (this.stopped) return;
      try {
        const db = this.services.db;
        const rows = [...this.live].map(([id, entry]) => ({ id, userId: entry.user.id }));
        await refreshConnections(db, this.instanceId, rows);
        const orphaned = await removeInstanceRows(db, this.instanceId, [...this.live.keys()]);
        const stale = await removeStale(db, this.staleMs);
        await this.markOffline([...new Set([...orphaned, ...stale])]);
      } catch (error) {
        this.services.logger.warn({ err: error }, 'presence heartbeat failed');
      }
    });
    return this.beating;
  }

  /** Shutdown: this instance's rows go, and agents with no socket elsewhere go offline. */
  async stop() {
    if (this.timer) clearInterval(this.timer);
    await this.beating;
    this.stopped = true;
    const users = [...this.live.values()].map((entry) => entry.user.id);
    await Promise.all([...this.live.values()].map((entry) => entry.added));
    this.live.clear();
    // A socket that closed just before may still be settling its own row in the background: let it finish,
    // then settle every agent this instance held, whether or not their rows were still here.
    await this.services.background.idle();
    try {
      const removed = await removeInstanceRows(this.services.db, this.instanceId);
      await this.markOffline([...new Set([...users, ...removed])]);
    } catch (error) {
      this.services.logger.warn({ err: error }, 'presence: rows not removed at shutdown');
    }
  }

  private async markOffline(userIds: string[]) {
    const gone = await markDisconnectedOffline(this.services.db, userIds, this.staleMs);
    for (const user of gone) {
      this.services.hub.publish({
        kind: 'presence',
        workspaceId: user.workspace_id,
        userId: user.id,
        status: 'offline',
      });
    }
  }
}
