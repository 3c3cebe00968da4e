/**
 * Visitor messages per second through the whole path (HTTP in → engine step → visitor message, bot reply
 * and snapshot stored in one transaction → event out to an agent's WebSocket) on real PostgreSQL, divided
 * by raw single-row INSERTs per second into a table shaped like `messages` through `pg`, same run, same
 * concurrency. Writes bench/results/runtime-throughput.md.
 *   npx tsx bench/runtime/throughput.ts [--profile]
 * BENCH_SECONDS (default 15) sets each measured phase's length.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentWatcher, startVisitors } from '../../apps/runtime/test/reliability/harness/clients';
import { spawnRuntime } from '../../apps/runtime/test/reliability/harness/runtime-process';
import { createBenchDatabase } from './lib/bench-database';
import { summarizeProfile } from './lib/cpu-profile';
import { benchKnobs } from './lib/knobs';
import { closedLoop } from './lib/load';
import { rawInsertsPerSecond } from './lib/raw-inserts';
import { machineLine, table, verdict, writeResult } from './lib/report';
import { round, sleep } from './lib/stats';

/** Transactions committed in the bench database so far (autocommit statements count one each). */
async function statementsRun(database: Awaited<ReturnType<typeof createBenchDatabase>>) {
  const { rows } = await database.handle.pool!.query<{ n: number }>(
    'select xact_commit::int as n from pg_stat_database where datname = current_database()',
  );
  await database.handle.pool!.query('select pg_stat_clear_snapshot()');
  return rows[0]?.n ?? 0;
}

const CONCURRENCY = 10; // the runtime's pg pool size
const CONVERSATIONS = 200;
const { seconds } = benchKnobs(15);
const profile = process.argv.includes('--profile');
const GOAL = 0.5;

const database = await createBenchDatabase();
const profileFile = profile ? join(tmpdir(), `flowdesk-${process.pid}.cpuprofile`) : undefined;
try {
  const rawBefore = await rawInsertsPerSecond(database.url, CONCURRENCY, seconds * 1000);
  const runtime = await spawnRuntime({ databaseUrl: database.url, profileFile });
  const visitors = await startVisitors(runtime.url, database.botId, CONVERSATIONS);
  const agent = await AgentWatcher.open(runtime.url, database.agentEmail);
  await agent.follow(visitors);
  await closedLoop(runtime.url, visitors, CONCURRENCY, 2000, agent); // warm-up (JIT, caches)
  if (profile) runtime.startProfile();
  const cpuBefore = runtime.cpuMs();
  const statementsBefore = await statementsRun(database);
  const run = await closedLoop(runtime.url, visitors, CONCURRENCY, seconds * 1000, agent);
  const cpuPerMessage = (runtime.cpuMs() - cpuBefore) / run.ok;
  await sleep(1500); // backends flush their statistics about once a second
  const statementsPerMessage = ((await statementsRun(database)) - statementsBefore) / run.ok;
  agent.close();
  await runtime.stop();
  const rawAfter = await rawInsertsPerSecond(database.url, CONCURRENCY, seconds * 1000);
  const raw = (rawBefore + rawAfter) / 2;
  const ratio = run.perSecond / raw;

  const lines = [
    profile
      ? '# Runtime throughput with a CPU profile of the runtime'
      : '# Runtime throughput (whole path) vs raw INSERTs',
    '',
    `Measured ${new Date().toISOString()} on ${machineLine()}, PostgreSQL on 127.0.0.1, by \`bench/runtime/throughput.ts\`.`,
    `Runtime in its own process; ${CONCURRENCY} concurrent senders (= runtime pool size) over ${CONVERSATIONS} conversations`,
    `running an echo flow (capture → message → capture), ${seconds} s per phase; the agent socket follows all of them.`,
    '',
    table(
      ['What', 'Per second', 'Notes'],
      [
        ['raw single-row INSERT via pg (before)', round(rawBefore), `${CONCURRENCY} connections, autocommit`],
        ['raw single-row INSERT via pg (after)', round(rawAfter), 'same, after the runtime phase'],
        [
          'visitor messages, whole path',
          round(run.perSecond),
          `${run.ok} acknowledged, ${run.failed} failed, ${run.delivered} received by the agent socket`,
        ],
      ],
    ),
    '',
    `Ratio whole path / raw INSERT: **${round(ratio, 2)}** (goal ≥ ${GOAL}: ${verdict(ratio >= GOAL)}).`,
    `Runtime CPU per message: ${round(cpuPerMessage, 2)} ms (user + system, from /proc).`,
    `Database transactions per message: ${round(statementsPerMessage, 1)} (pg_stat_database xact_commit: each autocommit`,
    "statement outside the message's transaction counts one, the transaction itself one — the ~10 statements inside",
    'it are not counted separately; the raw baseline is exactly 1).',
  ];
  if (profileFile) {
    const summary = summarizeProfile(profileFile);
    lines.push(
      '',
      `CPU profile of the runtime during the measured phase (V8 sampling profiler started after warm-up, ${round(summary.totalMs / 1000)} s) — self time:`,
      '',
      table(
        ['By package / file', 'Self ms', 'Share'],
        summary.places.map((entry) => [entry.name, round(entry.selfMs), `${round(entry.share * 100)}%`]),
      ),
      '',
      table(
        ['Top functions', 'Self ms', 'Share'],
        summary.functions.map((entry) => [`\`${entry.name}\``, round(entry.selfMs), `${round(entry.share * 100)}%`]),
      ),
    );
  }
  writeResult(profile ? 'runtime-throughput-profile' : 'runtime-throughput', lines.join('\n'));
  if (run.delivered !== run.ok) process.exitCode = 1;
} finally {
  await database.drop();
}
