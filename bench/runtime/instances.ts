/**
 * Several runtime instances on one PostgreSQL, realtime across them through PostgreSQL notify (default) or
 * Redis (REDIS_URL): messages/s and runtime CPU per message at 1, 2, 3 instances (senders spread over the
 * instances, the agent socket on the last one); visitor→agent p99 with 1,000 live conversations, visitor on
 * instance A and agent on B; and the whole path / raw INSERT ratio with group commit on and off
 * (GROUP_COMMIT_MAX=1), all in one run. Writes bench/results/runtime-instances.md.
 *   npx tsx bench/runtime/instances.ts
 * BENCH_SECONDS (default 10) sets each measured phase's length; BENCH_RATE (default 10) the offered
 * messages/s of the latency phase. Needs Redis at REDIS_URL (default redis://127.0.0.1:6379).
 */
import { loadavg } from 'node:os';
import {
  AgentWatcher,
  type ClientSocket,
  type LoadVisitor,
  startVisitors,
} from '../../apps/runtime/test/reliability/harness/clients';
import { type RuntimeProcess, spawnRuntime } from '../../apps/runtime/test/reliability/harness/runtime-process';
import { createBenchDatabase } from './lib/bench-database';
import { benchKnobs } from './lib/knobs';
import { closedLoop, latencyRun } from './lib/load';
import { rawInsertsPerSecond } from './lib/raw-inserts';
import { machineLine, table, verdict, writeResult } from './lib/report';
import { percentile, round } from './lib/stats';
import { openVisitorSockets } from './lib/visitor-sockets';

const { seconds, rate } = benchKnobs(10);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CONCURRENCY = 10;
const CONVERSATIONS = 200;
const LIVE = 1000;
const P99_GOAL = 50;
const RATIO_GOAL = 0.5;

type Mode = 'PostgreSQL notify' | 'Redis';
const load = () => loadavg()[0]!.toFixed(2);

const database = await createBenchDatabase();
const running: RuntimeProcess[] = [];
const sockets: ClientSocket[] = [];

async function startInstances(mode: Mode, count: number, env: Record<string, string> = {}) {
  // A prefix of its own: tests and other benches may share this Redis.
  const redisEnv: Record<string, string> =
    mode === 'Redis' ? { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `bench${process.pid}:` } : {};
  const started = await Promise.all(
    Array.from({ length: count }, () => spawnRuntime({ databaseUrl: database.url, env: { ...redisEnv, ...env } })),
  );
  running.push(...started);
  return started;
}

async function stopAll() {
  for (const ws of sockets.splice(0)) ws.terminate();
  await Promise.all(running.splice(0).map((runtime) => runtime.stop()));
}

const cpuOf = (instances: RuntimeProcess[]) => instances.reduce((sum, runtime) => sum + runtime.cpuMs(), 0);

/** Closed-loop messages/s over `count` instances; the agent follows every conversation from the last one. */
async function throughput(mode: Mode, count: number, visitors: LoadVisitor[], env?: Record<string, string>) {
  const loadAtStart = load();
  const instances = await startInstances(mode, count, env);
  const urls = instances.map((runtime) => runtime.url);
  const agent = await AgentWatcher.open(urls.at(-1)!, database.agentEmail);
  await agent.follow(visitors);
  await closedLoop(urls, visitors, CONCURRENCY, 2000, agent); // warm-up (JIT, caches)
  const cpuBefore = cpuOf(instances);
  const run = await closedLoop(urls, visitors, CONCURRENCY, seconds * 1000, agent);
  const cpuPerMessage = (cpuOf(instances) - cpuBefore) / run.ok;
  agent.close();
  await stopAll();
  return { ...run, cpuPerMessage, loadAtStart };
}

/** Poisson visitor messages on instance A, timed to the agent socket on instance B, all conversations live. */
async function crossInstanceLatency(mode: Mode, live: LoadVisitor[]) {
  const loadAtStart = load();
  const [a, b] = await startInstances(mode, 2);
  sockets.push(...(await openVisitorSockets(a!.url, live)));
  const agent = await AgentWatcher.open(b!.url, database.agentEmail);
  await agent.follow(live);
  const result = await latencyRun(a!.url, live, agent, rate, seconds * 1000);
  agent.close();
  await stopAll();
  return { ...result, loadAtStart };
}

try {
  const rawLoad = load();
  const rawBefore = await rawInsertsPerSecond(database.url, CONCURRENCY, seconds * 1000);
  const seed = (await startInstances('PostgreSQL notify', 1))[0]!;
  const live = await startVisitors(seed.url, database.botId, LIVE);
  await stopAll();
  const visitors = live.slice(0, CONVERSATIONS);

  const scaling: Array<Array<string | number>> = [];
  const perSecond: Record<string, number> = {};
  for (const mode of ['PostgreSQL notify', 'Redis'] as const) {
    for (const count of [1, 2, 3]) {
      const run = await throughput(mode, count, visitors);
      perSecond[`${mode}${count}`] = run.perSecond;
      scaling.push([
        mode,
        count,
        round(run.perSecond),
        round(run.perSecond / perSecond[`${mode}1`]!, 2),
        round(run.cpuPerMessage, 2),
        `${run.ok - run.delivered} / ${run.failed}`,
        run.loadAtStart,
      ]);
      console.log('scaling', scaling.at(-1));
    }
  }

  const latencyRows: Array<Array<string | number>> = [];
  for (const mode of ['PostgreSQL notify', 'Redis'] as const) {
    const result = await crossInstanceLatency(mode, live);
    const p99 = percentile(result.samples, 99);
    latencyRows.push([
      mode,
      result.samples.length,
      round(percentile(result.samples, 50)),
      round(p99),
      `≤ ${P99_GOAL} ms: ${verdict(p99 <= P99_GOAL)}`,
      `${result.lost} / ${result.failed}`,
      result.loadAtStart,
    ]);
    console.log('latency', latencyRows.at(-1));
  }

  const groupOn = perSecond['PostgreSQL notify1']!;
  const groupOff = await throughput('PostgreSQL notify', 1, visitors, { GROUP_COMMIT_MAX: '1' });
  const rawAfter = await rawInsertsPerSecond(database.url, CONCURRENCY, seconds * 1000);
  const raw = (rawBefore + rawAfter) / 2;
  const ratioRow = (label: string, value: number, loadAtStart: string) => {
    const ratio = value / raw;
    return [label, round(value), round(ratio, 2), verdict(ratio >= RATIO_GOAL), loadAtStart];
  };

  writeResult(
    'runtime-instances',
    [
      '# Several instances: Redis vs PostgreSQL notify, group commit on vs off',
      '',
      `Measured ${new Date().toISOString()} on ${machineLine()}, PostgreSQL and Redis on 127.0.0.1, by \`bench/runtime/instances.ts\`.`,
      `Every instance is its own process on the same 2 cores, so more instances share the CPU rather than add to it:`,
      'the scaling rows show the cost of crossing instances, not the gain of adding machines. Load average (1 min)',
      'at the start of each phase is recorded next to its figure; other work shares this machine.',
      '',
      `Throughput: ${CONCURRENCY} closed-loop senders over ${CONVERSATIONS} conversations (echo flow), sender i on`,
      `instance i mod N, the agent socket on the last instance; ${seconds} s per phase after a 2 s warm-up. CPU per`,
      'message is the sum over the instances (user + system, from /proc).',
      '',
      table(
        [
          'Realtime via',
          'Instances',
          'Messages/s',
          'vs 1 instance',
          'CPU ms / message',
          'Lost / failed',
          'Load at start',
        ],
        scaling,
      ),
      '',
      `Visitor → agent latency across instances: ${LIVE} live conversations (widget sockets open on A, the agent on B`,
      `follows all), ${rate} messages/s Poisson for ${seconds} s, sent to A.`,
      '',
      table(['Realtime via', 'Samples', 'p50 ms', 'p99 ms', 'Goal', 'Lost / failed', 'Load at start'], latencyRows),
      '',
      `Whole path / raw single-row INSERT (${round(rawBefore)} before, ${round(rawAfter)} after, load ${rawLoad} at start), 1 instance, PostgreSQL notify:`,
      '',
      table(
        ['Write path', 'Messages/s', 'Ratio to raw INSERT', `Goal ≥ ${RATIO_GOAL}`, 'Load at start'],
        [
          ratioRow('group commit on (GROUP_COMMIT_MAX=32)', groupOn, String(scaling[0]![6])),
          ratioRow('group commit off (GROUP_COMMIT_MAX=1)', groupOff.perSecond, groupOff.loadAtStart),
        ],
      ),
      '',
      `Group commit on / off: **${round(groupOn / groupOff.perSecond, 2)}×**.`,
    ].join('\n'),
  );
} finally {
  await stopAll();
  await database.drop();
}
