import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { AI_SETTINGS_REFRESH_MS } from './ai-settings/registry';
import { type App, createApp } from './app';
import { RUNTIME_MODULES } from './areas';
import type { Config } from './config';
import { createDatabase, type DatabaseHandle } from './db/database';
import { migrateToLatest } from './db/migrate';
import { listenHealth } from './http/health-listener';
import { deleteExpiredSessions } from './people/sessions';
import { startPgBridge } from './realtime/pg-bridge';
import { startRedisBridge } from './realtime/redis-bridge';
import { connectRedis } from './realtime/redis-connection';
import { MAX_FRAME_BYTES } from './realtime/ws-route';
import { seedDemo } from './seed/demo';
import { createServices, type Services } from './services';
import { DatabaseRateLimitStore, deleteExpiredRateLimits } from './services/database-rate-limit-store';
import { createLogger } from './services/logger';
import { startPeriodic } from './services/periodic';
import { PublicRateLimits } from './services/public-rate-limits';
import { RedisRateLimitStore } from './services/redis-rate-limit-store';

export interface StartServerOptions {
  /** Reuse an open database (tests); the server then leaves it open on close. */
  database?: DatabaseHandle;
}

export interface RunningServer {
  /** Loopback URL of this instance, e.g. http://127.0.0.1:54321 */
  url: string;
  /** Loopback URL of the HEALTH_PORT listener (/healthz and /readyz only), when one is set. */
  healthUrl: string | null;
  port: number;
  app: App;
  services: Services;
  db: Services['db'];
  close(): Promise<void>;
}

const DRAIN_MS = 5000;
const SESSION_SWEEP_MS = 60 * 60_000;

/** Migrates, builds services and serves HTTP + WebSocket. `PORT=0` picks a free port (tests). */
export async function startServer(config: Config, options: StartServerOptions = {}): Promise<RunningServer> {
  const logger = createLogger(config);
  const database = options.database ?? createDatabase(config);
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
  if (config.SEED_DEMO) await seedDemo(database.db);
  // Redis: events, presence, typing and revocations cross instances by pub/sub; one rate-limit budget.
  const onRedisError = (error: unknown) => logger.error({ err: error }, 'redis error');
  const redis = config.REDIS_URL
    ? await connectRedis(config.REDIS_URL, onRedisError).catch(async (error) => {
        if (!options.database) await database.close();
        throw error;
      })
    : null;
  const prefix = config.REDIS_KEY_PREFIX;
  const stores = redis
    ? {
        publicLimits: new PublicRateLimits(
          config,
          new RedisRateLimitStore({ redis: redis.commands, prefix, onError: onRedisError }),
        ),
        // While Redis is away, these count in the database: still one budget, at a write per attempt.
        limits: new RedisRateLimitStore({
          redis: redis.commands,
          prefix,
          onError: onRedisError,
          fallback: new DatabaseRateLimitStore(database.db),
        }),
      }
    : undefined;
  const services = createServices(config, database, logger, RUNTIME_MODULES, stores);
  if (redis) {
    const bridge = await startRedisBridge({
      publisher: redis.commands,
      subscriber: redis.subscriber,
      prefix,
      db: database.db,
      hub: services.hub,
      onError: (error) => logger.error({ err: error }, 'realtime bridge error'),
    }).catch(async (error) => {
      await redis.close();
      throw error;
    });
    services.hub.attachBridge(bridge);
    // Closers run before the hub's close (which closes the bridge): its unsubscribe then fails quietly.
    services.onClose(() => redis.close());
  } else if (database.kind === 'postgres' && config.DATABASE_URL) {
    const bridge = await startPgBridge({
      connectionString: config.DATABASE_URL,
      db: database.db,
      hub: services.hub,
      onError: (error) => logger.error({ err: error }, 'realtime bridge error'),
    });
    services.hub.attachBridge(bridge);
  }
  // Saved AI settings apply from the first request, and on every instance within seconds of a save elsewhere.
  await services.aiSettings.refresh();
  startPeriodic(services, { name: 'AI settings refresh', intervalMs: AI_SETTINGS_REFRESH_MS }, () =>
    services.aiSettings.refresh(),
  );
  // The areas' workers (email outbox, no-agent timeouts, lost summaries, knowledge refresh) run beside the
  // email worker; all are safe on several instances.
  if (config.EMAIL_WORKER) for (const module of services.modules) module.start?.(services);
  services.effects.start();
  const sweep = setInterval(() => {
    deleteExpiredSessions(database.db).catch((error) => logger.warn({ err: error }, 'session sweep failed'));
    deleteExpiredRateLimits(database.db).catch((error) => logger.warn({ err: error }, 'rate-limit sweep failed'));
  }, SESSION_SWEEP_MS);
  sweep.unref();
  services.onClose(() => clearInterval(sweep));
  const app = createApp(services);
  // ws buffers a frame up to maxPayload before the app sees it (the library's default is 100 MiB).
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: config.PORT, hostname: config.HOST, websocket: { server: wss } },
      (info: AddressInfo) => resolve({ server, port: info.port }),
    );
    server.once('error', reject);
  });
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const health =
    config.HEALTH_PORT === undefined ? null : await listenHealth(services, config.HEALTH_PORT, config.HOST);
  logger.info({ url, healthUrl: health?.url, database: database.kind }, 'runtime listening');

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      for (const socket of wss.clients) socket.close(1001, 'server shutting down');
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      const force = setTimeout(() => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        for (const socket of wss.clients) socket.terminate();
      }, DRAIN_MS);
      await stopped;
      await health?.close();
      clearTimeout(force);
      wss.close();
      await services.close();
      if (!options.database) await database.close();
      logger.info('runtime stopped');
    })();
    return closing;
  };

  return { url, healthUrl: health?.url ?? null, port, app, services, db: services.db, close };
}
