import { Worker } from 'node:worker_threads';
import type { Services } from '../services';
import { withTimeout } from './routes/system/health';

export interface HealthListener {
  url: string;
  close(): Promise<void>;
}

/**
 * What the probes' thread (health-worker.mjs) is told, in ms: ready (/readyz) while the event loop turned within
 * `loopStaleMs` and the database answered within `databaseStaleMs`; alive (/healthz) while the loop turned within
 * `aliveStaleMs`.
 */
const STALE_AFTER = { loopStaleMs: 1000, databaseStaleMs: 3000, aliveStaleMs: 10_000 };
/** How often this thread marks its event loop and pings the database, and how long a ping may take. */
const HEARTBEAT_MS = 100;
const DATABASE_CHECK_MS = 250;
const PING_TIMEOUT_MS = 2000;

/**
 * /healthz and /readyz alone on their own port (HEALTH_PORT), answered by a thread of their own. On the main port
 * a probe waits its turn: Node accepts one new connection per turn of the event loop, and during a burst each turn
 * runs a slice of every visitor request in flight. Here the answer comes from what the runtime's thread last
 * wrote to shared memory: it marks every turn of its event loop (a timer every 100 ms) and every answer of the
 * database (a ping every 250 ms). Ready while both are recent; a loop stuck for over a second or a database silent
 * for 3 s answers 503 with the reason.
 */
export async function listenHealth(services: Services, port: number, host: string): Promise<HealthListener> {
  const shared = new SharedArrayBuffer(16);
  const marks = new BigInt64Array(shared);
  const mark = (index: number) => Atomics.store(marks, index, BigInt(Date.now()));
  mark(0);
  const heartbeat = setInterval(() => mark(0), HEARTBEAT_MS);
  heartbeat.unref();
  let pinging: Promise<void> | null = null;
  const checkDatabase = () => {
    pinging ??= withTimeout(services.database.ping(), PING_TIMEOUT_MS)
      .then(() => {
        mark(1);
      })
      .catch(() => {})
      .finally(() => {
        pinging = null;
      });
    return pinging;
  };
  await checkDatabase();
  const check = setInterval(checkDatabase, DATABASE_CHECK_MS);
  check.unref();
  const worker = new Worker(new URL('./health-worker.mjs', import.meta.url), {
    workerData: {
      port,
      host,
      marks: shared,
      database: services.database.kind,
      ...STALE_AFTER,
    },
  });
  const stopTimers = () => {
    clearInterval(heartbeat);
    clearInterval(check);
  };
  const actualPort = await new Promise<number>((resolve, reject) => {
    worker.once('message', (message: { port?: number; error?: string }) =>
      message.port === undefined ? reject(new Error(`HEALTH_PORT: ${message.error}`)) : resolve(message.port),
    );
    worker.once('error', reject);
  }).catch(async (error) => {
    stopTimers();
    await worker.terminate();
    throw error;
  });
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    url: `http://${shown.includes(':') ? `[${shown}]` : shown}:${actualPort}`,
    close: async () => {
      stopTimers();
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('close');
      const force = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(force);
      await pinging;
    },
  };
}
