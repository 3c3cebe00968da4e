import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../server';

const execFileAsync = promisify(execFile);

describe('readiness under a burst (PostgreSQL)', () => {
  const t = useTestServer('postgres');

  it('/readyz answers 200 while every pool connection is busy: load is not an outage', async () => {
    const { server } = t.current;
    // Ten slow statements hold the whole pool (max 10), as a burst of visitor messages does.
    const busy = Array.from({ length: 10 }, () => sql`select pg_sleep(3)`.execute(server.db));
    // Seen from outside the pool: all ten are running.
    const outside = new pg.Client({ connectionString: t.current.database.config.DATABASE_URL });
    await outside.connect();
    const sleeping = async () =>
      (
        await outside.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'active' and query = 'select pg_sleep(3)'",
        )
      ).rows[0]!.n;
    await expect.poll(sleeping, { timeout: 2500, interval: 20 }).toBe(10);
    await outside.end();
    // Before: the probe queued for a pool connection behind the burst and answered 503 after 2 s.
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    await Promise.all(busy);
  });
});

describe('the probes port (HEALTH_PORT)', () => {
  const t = useTestServer('pglite', { HEALTH_PORT: 0 });

  it('serves /healthz and /readyz on a port of its own, and nothing else', async () => {
    const { healthUrl, url } = t.current.server;
    expect(healthUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(healthUrl).not.toBe(url);
    const ready = await fetch(`${healthUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'pglite' });
    expect(await (await fetch(`${healthUrl}/healthz`)).json()).toEqual({ status: 'ok' });
    const other = await fetch(`${healthUrl}/api/public/widget/config`);
    expect(other.status).toBe(404);
    expect((await other.json()).error.message).toBe('This port serves /healthz and /readyz only');
    // The main port keeps its own.
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it('answers from its own thread while the runtime is busy, and says not ready once its event loop is stuck', async () => {
    const { healthUrl } = t.current.server;
    // A probe sent from another process while this thread (the runtime's) computes for `busyMs`.
    const probeWhileBusy = async (delayMs: number, busyMs: number) => {
      const probe = execFileAsync(process.execPath, ['-e', PROBE, `${healthUrl}/readyz`, String(delayMs)]);
      const until = Date.now() + busyMs;
      while (Date.now() < until) {
        // Busy, as a burst keeps the event loop: nothing else runs on this thread meanwhile.
      }
      return JSON.parse((await probe).stdout) as { status: number; ms: number; body: { reason?: string } };
    };
    const busy = await probeWhileBusy(300, 900);
    expect(busy.status).toBe(200);
    expect(busy.ms).toBeLessThan(500);
    // A loop that has not turned for over a second is not ready.
    const stuck = await probeWhileBusy(1500, 3000);
    expect(stuck.status).toBe(503);
    expect(stuck.body.reason).toMatch(/^the event loop has not turned for \d+ ms$/);
    // Once it turns again, ready again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await fetch(`${healthUrl}/readyz`)).status).toBe(200);
  });
});

/** A child Node process: waits argv[2] ms, GETs argv[1], prints its status, body and how long it took. */
const PROBE = `
const [url, delay] = process.argv.slice(1);
setTimeout(async () => {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.json();
  console.log(JSON.stringify({ status: response.status, ms: performance.now() - started, body }));
}, Number(delay));
`;
