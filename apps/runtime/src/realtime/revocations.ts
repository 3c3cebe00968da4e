import type { Viewer } from '../inbox/access';
import { liveSessionRights } from '../people/sessions';
import type { Services } from '../services';
import type { RevokeEvent } from './events';

/** WebSocket close codes (4000–4999 are the application's): the session ended; the user's rights shrank. */
export const SESSION_ENDED = 4401;
export const RIGHTS_CHANGED = 4403;

/** An open dashboard socket as the guard sees it. */
export interface AgentSocket {
  sessionId: string;
  /** The rights its subscriptions were granted under (the connection's viewer). */
  viewer(): Viewer;
  end(code: number, reason: string): void;
}

/** Ends every socket of a session or user, on every instance (the hub carries it through the PostgreSQL bridge). */
export function revoke(services: Pick<Services, 'hub'>, event: Omit<RevokeEvent, 'kind'>) {
  services.hub.publish({ kind: 'revoke', ...event });
}

/** Whether `now` lost anything `before` had: the admin role, or a team. Added rights take nothing away. */
export function rightsShrank(before: Pick<Viewer, 'role' | 'teamIds'>, now: Pick<Viewer, 'role' | 'teamIds'>) {
  if (before.role === 'admin' && now.role !== 'admin') return true;
  return before.teamIds.some((teamId) => !now.teamIds.includes(teamId));
}

function applies(event: RevokeEvent, socket: AgentSocket) {
  const viewer = socket.viewer();
  if (event.workspaceId !== viewer.workspaceId || event.userId !== viewer.id) return false;
  if (event.sessionId !== undefined && event.sessionId !== socket.sessionId) return false;
  return event.exceptSessionId === undefined || event.exceptSessionId !== socket.sessionId;
}

/** Closes a socket as a revoke with this reason says. */
const endFor = (socket: AgentSocket, reason: RevokeEvent['reason']) =>
  reason === 'session_ended'
    ? socket.end(SESSION_ENDED, 'session ended')
    : socket.end(RIGHTS_CHANGED, 'rights changed');

/** How long a revoke is remembered for sockets whose upgrade was in flight when it arrived. */
const REMEMBER_MS = 60_000;
const REMEMBER_MAX = 10_000;

/**
 * Closes dashboard sockets the moment their session ends or their user's rights shrink.
 *
 * Rights changes close the socket (4403) instead of re-authorising it in place, as Phoenix's "disconnect the
 * user's sockets" pattern does: closing is synchronous and fails closed (no event is ever filtered by a stale
 * viewer while a new one loads), and the client's reconnect goes through the one authorisation path there is
 * (the upgrade loads the viewer; each subscribe re-checks the conversation), so no second, subtler path exists.
 *
 * A missed revoke (the NOTIFY lost while the database was away) is caught by `sweep` at the next heartbeat.
 */
export class SessionGuard {
  private recent: Array<{ at: number; event: RevokeEvent }> = [];

  constructor(
    private readonly services: Services,
    private readonly sockets: () => Iterable<AgentSocket>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Listens for revokes from this and every other instance; returns the unsubscribe function. */
  start(): () => void {
    return this.services.hub.subscribe((event) => {
      if (event.kind !== 'revoke') return;
      this.remember(event);
      for (const socket of [...this.sockets()]) if (applies(event, socket)) endFor(socket, event.reason);
    });
  }

  /**
   * A socket that has just opened: closed when a revoke for it arrived since `authenticatedAt` (its session was
   * read before the change committed, its socket registered after the revoke went by). Returns whether it stays.
   */
  admit(socket: AgentSocket, authenticatedAt: number): boolean {
    const missed = this.recent.find(({ at, event }) => at >= authenticatedAt && applies(event, socket));
    if (!missed) return true;
    endFor(socket, missed.event.reason);
    return false;
  }

  /** Ends sockets whose session is gone or expired, or whose rights shrank, however that happened. */
  async sweep(): Promise<void> {
    const sockets = [...this.sockets()];
    if (sockets.length === 0) return;
    const live = await liveSessionRights(
      this.services.db,
      sockets.map((socket) => socket.sessionId),
    );
    for (const socket of sockets) {
      const rights = live.get(socket.sessionId);
      if (!rights) socket.end(SESSION_ENDED, 'session ended');
      else if (rightsShrank(socket.viewer(), rights)) socket.end(RIGHTS_CHANGED, 'rights changed');
    }
  }

  private remember(event: RevokeEvent) {
    const now = this.now();
    const cutoff = now - REMEMBER_MS;
    let drop = 0;
    while (drop < this.recent.length && (this.recent[drop]!.at < cutoff || this.recent.length - drop >= REMEMBER_MAX))
      drop++;
    if (drop > 0) this.recent = this.recent.slice(drop);
    this.recent.push({ at: now, event });
  }
}
