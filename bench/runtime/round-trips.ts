/**
 * Database round trips per visitor message, by statement: the runtime runs in this process with every
 * `pg` query counted (pool queries, transaction control and NOTIFY alike), and visitors of the echo flow
 * send messages one after another while an agent socket follows them. Writes
 * bench/results/runtime-round-trips.md.
 *   npx tsx bench/runtime/round-trips.ts
 * ROUND_TRIP_MESSAGES (default 200) sets how many messages are counted.
 */
import { loadConfig } from '../../apps/runtime/src/config';
import { startServer } from '../../apps/runtime/src/server';
import { AgentWatcher, sendVisitorText, startVisitors } from '../../apps/runtime/test/reliability/harness/clients';
import { LOAD_TEST_ENV } from '../../apps/runtime/test/reliability/harness/runtime-process';
import { createBenchDatabase } from './lib/bench-database';
import { machineLine, table, writeResult } from './lib/report';
import { round, sleep } from './lib/stats';

const MESSAGES = Number(process.env.ROUND_TRIP_MESSAGES ?? 200);
const CONVERSATIONS = 20;

const counts = new Map<string, number>();
let counting = false;
const database = await createBenchDatabase();
// The runtime's `pg` (bench/ has no dependency of its own): its Client class, reached through a pool.
type QueryFn = (...args: unknown[]) => unknown;
const Client = (database.handle.pool as unknown as { Client: { prototype: { query: QueryFn } } }).Client;
const originalQuery = Client.prototype.query;
Client.prototype.query = function (this: unknown, ...args: unknown[]) {
  if (counting) {
    const first = args[0] as string | { text?: string };
    const text = typeof first === 'string' ? first : (first?.text ?? '?');
    const key = text
      .replace(/\s+/g, ' ')
      .replace(/\$\d+(, \$\d+)*/g, '…')
      .slice(0, 90);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return originalQuery.apply(this, args);
};
try {
  const config = loadConfig({ ...process.env, ...LOAD_TEST_ENV, DATABASE_URL: database.url });
  const server = await startServer(config);
  const visitors = await startVisitors(server.url, database.botId, CONVERSATIONS);
  const agent = await AgentWatcher.open(server.url, database.agentEmail);
  await agent.follow(visitors);
  let delivered = 0;
  agent.onMessage((message) => {
    if (message.clientId?.startsWith('rt-')) delivered++;
  });
  // Warm-up: caches filled, pool connections open.
  for (let index = 0; index < CONVERSATIONS; index++) {
    await sendVisitorText(server.url, visitors[index]!, `warm-${index}`, 'warm');
  }
  await sleep(200);
  counting = true;
  let ok = 0;
  for (let index = 0; index < MESSAGES; index++) {
    const status = await sendVisitorText(server.url, visitors[index % CONVERSATIONS]!, `rt-${index}`, `hi ${index}`);
    if (status === 201) ok++;
  }
  const waitUntil = Date.now() + 5000;
  while (delivered < ok && Date.now() < waitUntil) await sleep(20);
  await sleep(200); // NOTIFYs of the last burst
  counting = false;
  agent.close();
  await server.close();

  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const rows = [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([text, n]) => [`\`${text.replace(/\|/g, '\\|')}\``, round(n / ok, 2)]);
  writeResult(
    'runtime-round-trips',
    [
      '# Runtime: database round trips per visitor message',
      '',
      `Measured ${new Date().toISOString()} on ${machineLine()} by \`bench/runtime/round-trips.ts\`: the runtime in`,
      `process with every \`pg\` query counted, ${ok} visitor messages (echo flow, one bot reply each) sent one`,
      `after another over ${CONVERSATIONS} conversations, an agent socket following them (${delivered} received).`,
      '',
      `**${round(total / ok, 2)} round trips per visitor message.**`,
      '',
      table(['Statement (parameters elided)', 'Per message'], rows),
    ].join('\n'),
  );
  if (ok !== MESSAGES || delivered !== ok) process.exitCode = 1;
} finally {
  await database.drop();
}
