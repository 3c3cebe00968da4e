/**
 * How many idle widget WebSockets one runtime holds with RSS under 1 GiB. Visitors are inserted in bulk
 * (their tokens hashed like the API does), then sockets open in batches, each authenticated and subscribed
 * to its conversation, until RSS reaches the limit, the target is reached or file descriptors run out.
 * Writes bench/results/runtime-connections.md.
 *   npx tsx bench/runtime/connections.ts
 * BENCH_CONNECTIONS (default 15000) is the target.
 */
import { hashToken, newId, newToken } from '../../apps/runtime/src/services/secrets';
import {
  type ClientSocket,
  inParallel,
  openSocket,
  wsUrlOf,
} from '../../apps/runtime/test/reliability/harness/clients';
import { spawnRuntime } from '../../apps/runtime/test/reliability/harness/runtime-process';
import { createBenchDatabase } from './lib/bench-database';
import { machineLine, table, verdict, writeResult } from './lib/report';
import { MiB, round, sleep } from './lib/stats';

const TARGET = Number(process.env.BENCH_CONNECTIONS ?? 15_000);
const LIMIT = 1024 * MiB;
const BATCH = 1000;
const GOAL = 10_000;

const database = await createBenchDatabase();
const runtime = await spawnRuntime({ databaseUrl: database.url, env: { WS_HEARTBEAT_MS: '30000' } });
const sockets: ClientSocket[] = [];
try {
  const tokens: string[] = [];
  for (let start = 0; start < TARGET; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, TARGET - start) }, () => {
      const token = newToken();
      tokens.push(token);
      return { id: newId(), bot_id: database.botId, token_hash: hashToken(token), variables: '{}' };
    });
    await database.handle.db.insertInto('visitors').values(rows).execute();
  }
  const idleRss = runtime.rssBytes();
  const curve: Array<Array<string | number>> = [[0, Math.round(idleRss / MiB), '']];
  let failure = '';
  for (let start = 0; start < TARGET && !failure; start += BATCH) {
    const batch = tokens.slice(start, start + BATCH);
    const opened = await inParallel(batch, 100, (token) =>
      openSocket(wsUrlOf(runtime.url, `?visitorToken=${token}`)).catch((error: Error) => error),
    );
    for (const result of opened) {
      if (result instanceof Error) failure ||= result.message;
      else sockets.push(result);
    }
    await sleep(500);
    const rss = runtime.rssBytes();
    curve.push([sockets.length, Math.round(rss / MiB), round((rss - idleRss) / sockets.length / 1024, 1)]);
    console.log(curve.at(-1), failure);
    if (rss >= LIMIT) break;
  }
  // Still alive: a sample of the oldest sockets answers a ping frame.
  const sample = sockets.filter((_, index) => index % 97 === 0);
  const answered = await inParallel(
    sample,
    50,
    (ws) =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 5000);
        ws.once('message', () => {
          clearTimeout(timer);
          resolve(true);
        });
        ws.send(JSON.stringify({ type: 'ping' }));
      }),
  );
  const alive = answered.filter(Boolean).length;
  const underLimit = curve.filter((row) => Number(row[1]) * MiB < LIMIT).at(-1);
  const held = Number(underLimit?.[0] ?? 0);
  writeResult(
    'runtime-connections',
    [
      '# Idle WebSocket connections per instance',
      '',
      `Measured ${new Date().toISOString()} on ${machineLine()}, PostgreSQL on 127.0.0.1, by \`bench/runtime/connections.ts\`.`,
      'Each socket is a widget connection: visitor token checked against the database, `ready` received.',
      `File descriptor limit (ulimit -n) ${process.env.FD_LIMIT ?? 'unknown'}; target ${TARGET}.`,
      '',
      table(['Open sockets', 'Runtime RSS MiB', 'KiB per socket (over idle)'], curve),
      '',
      `Held under 1 GiB RSS: **${held}** sockets (goal ≥ ${GOAL}: ${verdict(held >= GOAL)}).`,
      `Liveness after the ramp: ${alive}/${sample.length} sampled sockets answered a ping.`,
      failure ? `Stopped early: ${failure}` : 'No socket failed to open.',
    ].join('\n'),
  );
} finally {
  for (const ws of sockets) ws.terminate();
  await runtime.stop();
  await database.drop();
}
