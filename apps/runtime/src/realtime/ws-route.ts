import { upgradeWebSocket } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { WebSocket } from 'ws';
import { findBotById } from '../bots/repository';
import { clientAddress } from '../http/client-address';
import type { AppEnv } from '../http/env';
import { sendError } from '../http/errors';
import { SESSION_COOKIE, trustedOrigins } from '../http/middleware/auth';
import { isOriginAllowed } from '../http/middleware/public-cors';
import { enforce } from '../http/middleware/public-rate-limit';
import { loadViewer } from '../inbox/access';
import { findSession } from '../people/sessions';
import { toPublicUser } from '../people/users';
import { findVisitorByToken } from '../repositories/visitors';
import type { Services } from '../services';
import { type Identity, RealtimeConnection } from './connection';
import { FrameBudget } from './frame-budget';
import { AgentPresence } from './presence';
import { type AgentSocket, SessionGuard } from './revocations';
import { countVisitorSockets, VisitorPresence, visitorStaleMs } from './visitor-presence';

export const WS_PATH = '/ws';
/** Largest client frame: the protocol's frames are a few hundred bytes. The server closes with 1009 above it. */
export const MAX_FRAME_BYTES = 64 * 1024;
/**
 * Open sockets per visitor token across instances (a few tabs); more are refused with 429 before the upgrade.
 * Counted from this instance's own sockets and the shared `visitor_connections` rows, whichever is higher (a
 * row is written just after its socket opens).
 */
export const MAX_SOCKETS_PER_VISITOR = 8;

type WsEnv = AppEnv & { Variables: AppEnv['Variables'] & { identity: Identity; authenticatedAt: number } };

interface SocketState {
  alive: boolean;
  connection: RealtimeConnection;
  frames: FrameBudget;
  /** Dashboard sockets: what the session guard closes when the session ends or rights shrink. */
  agent?: AgentSocket;
}

/** Who is connecting: a visitor by `?visitorToken=`, an agent by session cookie; 401/403 otherwise. */
function authenticate(services: Services, perVisitor: Map<string, number>): MiddlewareHandler<WsEnv> {
  return async (c, next) => {
    // Before the session is read: a revoke from this moment on may not be reflected in what is read.
    c.set('authenticatedAt', Date.now());
    const visitorToken = c.req.query('visitorToken');
    if (visitorToken) {
      const address = clientAddress(c, services.config.TRUST_PROXY);
      enforce(c, await services.publicLimits.request(address, visitorToken.slice(0, 512)));
    }
    const identity = await identify(c, services);
    if ('error' in identity) return sendError(c, identity.status, identity.error, identity.message);
    if (
      identity.kind === 'visitor' &&
      (await visitorSockets(services, perVisitor, identity.visitor.id)) >= MAX_SOCKETS_PER_VISITOR
    )
      return sendError(c, 429, 'too_many_sockets', `At most ${MAX_SOCKETS_PER_VISITOR} open sockets per visitor`);
    c.set('identity', identity);
    await next();
  };
}

async function visitorSockets(services: Services, perVisitor: Map<string, number>, visitorId: string) {
  const here = perVisitor.get(visitorId) ?? 0;
  if (here >= MAX_SOCKETS_PER_VISITOR) return here;
  const everywhere = await countVisitorSockets(services.db, visitorId, visitorStaleMs(services.config.WS_HEARTBEAT_MS));
  return Math.max(here, everywhere);
}

async function identify(
  c: Context<WsEnv>,
  services: Services,
): Promise<Identity | { error: string; status: 401 | 403; message: string }> {
  const origin = c.req.header('origin');
  const visitorToken = c.req.query('visitorToken');
  if (visitorToken) {
    const visitor = await findVisitorByToken(services.db, visitorToken.slice(0, 512));
    const bot = visitor && (await findBotById(services.db, visitor.bot_id));
    if (!visitor || !bot) return { error: 'unauthorized', status: 401, message: 'Unknown visitor token' };
    if (!isOriginAllowed(bot, origin))
      return { error: 'origin_not_allowed', status: 403, message: 'Origin not allowed' };
    return { kind: 'visitor', visitor, workspaceId: bot.workspace_id };
  }
  const token = getCookie(c, SESSION_COOKIE);
  const session = token ? await findSession(services.db, token) : undefined;
  if (!session) return { error: 'unauthorized', status: 401, message: 'Sign in or pass visitorToken' };
  // Cookies ride along on cross-site WebSocket handshakes; only trusted pages may use them.
  if (origin && !trustedOrigins(c, services.config).has(origin)) {
    return { error: 'csrf', status: 403, message: 'Cross-site WebSocket refused' };
  }
  const agent = toPublicUser(session.user);
  return { kind: 'agent', user: agent, viewer: await loadViewer(services.db, agent), sessionId: session.sessionId };
}

/** The realtime endpoint; returns the route and a stop function for the heartbeat timer. */
export function realtimeRoutes(services: Services) {
  const sockets = new Map<WebSocket, SocketState>();
  const perVisitor = new Map<string, number>();
  const count = (identity: Identity, step: 1 | -1) => {
    if (identity.kind !== 'visitor') return;
    const next = (perVisitor.get(identity.visitor.id) ?? 0) + step;
    if (next > 0) perVisitor.set(identity.visitor.id, next);
    else perVisitor.delete(identity.visitor.id);
  };
  const frameLimit = services.config.WS_FRAME_LIMIT;
  const presence = new AgentPresence(services);
  presence.start();
  services.onClose(() => presence.stop());
  const visitors = new VisitorPresence(services);
  services.onClose(() => visitors.stop());
  const guard = new SessionGuard(services, function* () {
    for (const state of sockets.values()) if (state.agent) yield state.agent;
  });
  services.onClose(guard.start());
  let sweeping = false;

  const heartbeat = setInterval(() => {
    for (const [socket, state] of sockets) {
      if (!state.alive) {
        socket.terminate();
        continue;
      }
      state.alive = false;
      socket.ping();
    }
    void visitors.beat();
    // Sessions that ended or rights that shrank without a revoke reaching this instance (expiry, a lost NOTIFY).
    if (sweeping) return;
    sweeping = true;
    guard
      .sweep()
      .catch((error) => services.logger.warn({ err: error }, 'realtime session sweep failed'))
      .finally(() => {
        sweeping = false;
      });
  }, services.config.WS_HEARTBEAT_MS);
  heartbeat.unref();
  services.onClose(() => clearInterval(heartbeat));

  const handler = upgradeWebSocket((c: Context<WsEnv>) => {
    const identity = c.get('identity');
    const authenticatedAt = c.get('authenticatedAt');
    let connection: RealtimeConnection | null = null;
    return {
      onOpen(_event, ws) {
        const raw = ws.raw as unknown as WebSocket;
        connection = new RealtimeConnection(services, identity, (frame) => {
          if (raw.readyState === raw.OPEN) raw.send(JSON.stringify(frame));
        });
        const state: SocketState = { alive: true, connection, frames: new FrameBudget(frameLimit) };
        sockets.set(raw, state);
        count(identity, 1);
        raw.on('pong', () => {
          state.alive = true;
        });
        if (identity.kind === 'visitor') visitors.connected(identity.visitor.id, connection.id);
        if (identity.kind !== 'agent') return;
        const own = connection;
        state.agent = {
          sessionId: identity.sessionId,
          viewer: () => identity.viewer,
          end: (code, reason) => {
            // Nothing more reaches the client from here on, even while the close handshake runs.
            own.close();
            state.agent = undefined;
            raw.close(code, reason);
          },
        };
        if (guard.admit(state.agent, authenticatedAt)) presence.connected(identity.user, connection.id);
      },
      onMessage(event, ws) {
        const state = sockets.get(ws.raw as unknown as WebSocket);
        if (state && !state.frames.take()) {
          // Once per window, so the refusal itself cannot become a flood.
          if (state.frames.justSpent)
            state.connection.refuse(
              'rate_limited',
              `More than ${frameLimit} frames in 10 s; frames are ignored for now`,
            );
          return;
        }
        const data = event.data;
        const text = typeof data === 'string' ? data : Buffer.from(data as ArrayBuffer).toString('utf8');
        if (text.length > MAX_FRAME_BYTES) return;
        void connection?.handleText(text);
      },
      onClose(_event, ws) {
        if (sockets.delete(ws.raw as unknown as WebSocket)) count(identity, -1);
        connection?.close();
        if (identity.kind === 'agent' && connection) presence.disconnected(identity.user, connection.id);
        if (identity.kind === 'visitor' && connection) visitors.disconnected(connection.id);
      },
    };
  });

  return { path: WS_PATH, middleware: [authenticate(services, perVisitor), handler] as const, sockets, presence };
}
