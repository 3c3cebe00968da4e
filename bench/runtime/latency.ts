/**
 * Realtime latency (visitor POST → agent WebSocket receipt) with N live conversations (each with its widget
 * socket open and followed by the agent), on one instance and on two instances sharing PostgreSQL (visitor on
 * A, agent on B), plus the scaling curve: throughput, p99 and runtime CPU per message at 100 / 1,000 / 5,000
 * conversations. Writes bench/results/runtime-latency.md.
 *   npx tsx bench/runtime/latency.ts
 * BENCH_SECONDS (default 15) sets each phase's length; BENCH_RATE (default 10) the offered messages/s.
 */
import {
  AgentWatcher,
  type ClientSocket,
  type LoadVisitor,
  startVisitors,
} from '../../apps/runtime/test/reliability/harness/clients';
import { type RuntimeProcess, spawnRuntime } from '../../apps/runtime/test/reliability/harness/runtime-process';
import { createBenchDatabase } from './lib/bench-database';
import { benchKnobs } from './lib/knobs';
import { closedLoop, type LatencyResult, latencyRun } from './lib/load';
import { machineLine, table, verdict, writeResult } from './lib/report';
import { percentile, round } from './lib/stats';
import { openVisitorSockets } from './lib/visitor-sockets';

const { seconds, rate } = benchKnobs(15);
const STEPS = [100, 1000, 5000];
const CONCURRENCY = 10;
const GOAL_ONE = 50;
const GOAL_TWO = 100;

const database = await createBenchDatabase();
const runtimes: RuntimeProcess[] = [];
const sockets: ClientSocket[] = [];
try {
  const a = await spawnRuntime({ databaseUrl: database.url });
  runtimes.push(a);
  const agentA = await AgentWatcher.open(a.url, database.agentEmail);
  const visitors: LoadVisitor[] = [];
  const curve: Array<Array<string | number>> = [];
  let oneInstance: LatencyResult | undefined;
  for (const size of STEPS) {
    const added = await startVisitors(a.url, database.botId, size - visitors.length);
    sockets.push(...(await openVisitorSockets(a.url, added)));
    await agentA.follow(added);
    visitors.push(...added);
    const latency = await latencyRun(a.url, visitors, agentA, rate, seconds * 1000);
    const cpuBefore = a.cpuMs();
    const throughput = await closedLoop(a.url, visitors, CONCURRENCY, seconds * 1000, agentA);
    const cpuPerMessage = (a.cpuMs() - cpuBefore) / throughput.ok;
    if (size === 1000) oneInstance = latency;
    curve.push([
      size,
      round(throughput.perSecond),
      round(percentile(latency.samples, 50)),
      round(percentile(latency.samples, 99)),
      round(cpuPerMessage, 2),
      Math.round(a.rssBytes() / 2 ** 20),
      `${latency.lost + throughput.ok - throughput.delivered} / ${latency.failed + throughput.failed}`,
    ]);
    console.log('step', size, curve.at(-1));
  }
  const b = await spawnRuntime({ databaseUrl: database.url });
  runtimes.push(b);
  const agentB = await AgentWatcher.open(b.url, database.agentEmail);
  const live = visitors.slice(0, 1000);
  await agentB.follow(live);
  const twoInstances = await latencyRun(a.url, live, agentB, rate, seconds * 1000);

  const row = (label: string, result: LatencyResult, goal: number) => {
    const p99 = percentile(result.samples, 99);
    return [
      label,
      result.samples.length,
      round(percentile(result.samples, 50)),
      round(percentile(result.samples, 95)),
      round(p99),
      `≤ ${goal} ms: ${verdict(p99 <= goal)}`,
      `${round(percentile(result.acks, 50))} / ${round(percentile(result.acks, 99))}`,
      `${result.lost} / ${result.failed}`,
    ];
  };
  writeResult(
    'runtime-latency',
    [
      '# Realtime latency and scaling curve',
      '',
      `Measured ${new Date().toISOString()} on ${machineLine()}, PostgreSQL on 127.0.0.1, by \`bench/runtime/latency.ts\`.`,
      `Every conversation is live: its widget socket is open and subscribed, and one agent socket follows all of them.`,
      `Latency = visitor POST sent → the agent socket receives that message (echo flow: each message also runs an`,
      `engine step, stores a bot reply and a snapshot). Offered load ${rate} messages/s (Poisson) for ${seconds} s.`,
      '',
      table(
        ['Setup', 'Samples', 'p50 ms', 'p95 ms', 'p99 ms', 'Goal', 'POST→201 p50 / p99 ms', 'Lost / failed'],
        [
          row('1 instance, 1,000 live conversations', oneInstance!, GOAL_ONE),
          row('2 instances (visitor on A, agent on B), 1,000 conversations', twoInstances, GOAL_TWO),
        ],
      ),
      '',
      `Scaling curve (1 instance): throughput is closed-loop with ${CONCURRENCY} senders for ${seconds} s; p50/p99 at ${rate} msg/s;`,
      'CPU per message is the runtime process (user + system) during the throughput phase; RSS after the step.',
      '',
      table(
        [
          'Conversations',
          'Messages/s',
          'p50 ms',
          'p99 ms',
          'Runtime CPU ms / message',
          'Runtime RSS MiB',
          'Lost / failed',
        ],
        curve,
      ),
    ].join('\n'),
  );
  agentA.close();
  agentB.close();
} finally {
  for (const ws of sockets) ws.terminate();
  await Promise.all(runtimes.map((runtime) => runtime.stop()));
  await database.drop();
}
