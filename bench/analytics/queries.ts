/**
 * Analytics (issue 21): every query the analytics API runs, timed through the real functions (overview, people
 * figures, block figures, CSV export, live strip) on a seeded PostgreSQL database (bench_analytics: 100,000
 * conversations, ~1,000,000 messages over 90 days, see seed.ts) for 7, 30 and 90 days, with and without the bot,
 * team and agent filters and office-hours-only durations. Baseline from the same run: a plain
 * `select count(*)` over the facts of the range. Goal: p95 ≤ 200 ms. Writes bench/results/analytics.md.
 *   npx tsx bench/analytics/queries.ts
 * BENCH_RUNS (default 20) timed runs per case after 2 warm-up runs; BENCH_RESEED=1 seeds the database again.
 */
import { loadavg } from 'node:os';
import { blockFigures } from '../../apps/runtime/src/analytics/block-figures';
import { conversationsCsv, conversationsCsvPages } from '../../apps/runtime/src/analytics/export-csv';
import { live, overview } from '../../apps/runtime/src/analytics/overview';
import { peopleFigures } from '../../apps/runtime/src/analytics/people-figures';
import { countFactsInRange, openAnalyticsBench, seededSizes } from '../../apps/runtime/test/analytics/bench-database';
import { AGENTS, BOTS, TEAMS, TIME_ZONE, WORKSPACE } from '../../apps/runtime/test/analytics/bench-seed';
import {
  type AnalyticsOverviewQuery,
  AnalyticsOverviewQuery as OverviewQuery,
} from '../../packages/contract/src/analytics';
import { machineLine, table, writeResult } from '../runtime/lib/report';
import { percentile, round } from '../runtime/lib/stats';

const runs = Number(process.env.BENCH_RUNS ?? 20);
const GOAL_MS = 200;
const loadBefore = loadavg().map((n) => n.toFixed(1));
const bench = await openAnalyticsBench((line) => console.log(line));
const db = bench.handle.db;

const dayIn = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(date);
const daysBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
const lastDay = dayIn(bench.end);

type Filters = Partial<Record<'botId' | 'teamId' | 'agentId' | 'channel' | 'officeHoursOnly', string>>;
const filterSets: Array<[string, Filters]> = [
  ['no filter', {}],
  ['bot', { botId: BOTS[0]! }],
  ['team', { teamId: TEAMS[0]! }],
  ['agent', { agentId: AGENTS[0]! }],
  ['channel', { channel: 'email' }],
  ['office hours only', { officeHoursOnly: 'true' }],
];
const query = (days: number, filters: Filters): AnalyticsOverviewQuery =>
  OverviewQuery.parse({ from: daysBefore(lastDay, days - 1), to: lastDay, ...filters });

/** A case slower than this on its first run gets 3 timed runs only (the "before" figures of slow queries). */
const SLOW_MS = 3000;
type Timing = { p50: number; p95: number; samples: number; failed?: string };

async function timings(run: () => Promise<unknown>): Promise<Timing> {
  const samples: number[] = [];
  const once = async () => {
    const started = performance.now();
    await run();
    return performance.now() - started;
  };
  try {
    const first = await once();
    const timed = first > SLOW_MS ? 3 : runs;
    if (first <= SLOW_MS) await once();
    for (let i = 0; i < timed; i++) samples.push(await once());
  } catch (error) {
    return { p50: Number.NaN, p95: Number.NaN, samples: samples.length, failed: (error as Error).message };
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), samples: samples.length };
}

const countFacts = (q: AnalyticsOverviewQuery) => countFactsInRange(bench.handle, q.from, q.to);

const rows: Array<Array<string | number>> = [];
const misses: string[] = [];
function record(what: string, range: string, filter: string, t: Timing, baseP95: number) {
  const ok = !t.failed && t.p95 <= GOAL_MS;
  if (!ok) misses.push(`${what} ${range} ${filter}`.trim());
  const failed = t.failed ? `failed: ${t.failed}` : '';
  rows.push([
    what,
    range,
    filter,
    failed || round(t.p50),
    failed ? '' : round(t.p95),
    failed ? '' : `${round(t.p95 / baseP95, 1)}×`,
    t.samples,
    ok ? 'yes' : '**no**',
  ]);
  console.log(rows.at(-1)!.join(' | '));
}

const flowVersions = (bot: string) => [`bench-v${bot.slice(-1)}-1`, `bench-v${bot.slice(-1)}-2`];
for (const days of [7, 30, 90]) {
  const range = `${days} d`;
  const base = await timings(() => countFacts(query(days, {})));
  record('baseline: count(*) of the facts', range, '', base, base.p95);
  for (const [name, filters] of filterSets) {
    const q = query(days, filters);
    record('overview', range, name, await timings(() => overview(db, WORKSPACE, q)), base.p95);
    if (name === 'office hours only') continue;
    record('people (agents + teams)', range, name, await timings(() => peopleFigures(db, WORKSPACE, q)), base.p95);
  }
  const q = query(days, {});
  // The range as blockFigures takes it (`days` in the zone; `from`/`to` instants before the date range was added).
  const inRange = {
    days: { timeZone: TIME_ZONE, query: { from: q.from, to: q.to } },
    from: new Date(`${q.from}T00:00:00Z`),
    to: new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000),
  };
  const oneFlow = { ...inRange, flowVersionIds: flowVersions(BOTS[0]!) };
  record('blocks, all versions', range, '', await timings(() => blockFigures(db, WORKSPACE, inRange)), base.p95);
  record(
    'blocks, one flow (2 versions)',
    range,
    '',
    await timings(() => blockFigures(db, WORKSPACE, oneFlow)),
    base.p95,
  );
  for (const [name, filters] of filterSets.slice(0, 2)) {
    const csvQuery = query(days, filters);
    // What the route answers with (the header and the first page, then it streams), and the whole file.
    const firstPage = async () => {
      const pages = conversationsCsvPages(db, WORKSPACE, csvQuery);
      await pages.next();
      await pages.return(undefined);
    };
    record('CSV export: answer (first page)', range, name, await timings(firstPage), base.p95);
    record(
      'CSV export: whole file (streamed)',
      range,
      name,
      await timings(() => conversationsCsv(db, WORKSPACE, csvQuery)),
      base.p95,
    );
  }
}
const base90 = await timings(() => countFacts(query(90, {})));
record(
  'blocks, all versions (what /blocks runs: no range)',
  'all',
  '',
  await timings(() => blockFigures(db, WORKSPACE)),
  base90.p95,
);
record(
  'blocks, one flow (no range)',
  'all',
  '',
  await timings(() => blockFigures(db, WORKSPACE, { flowVersionIds: flowVersions(BOTS[0]!) })),
  base90.p95,
);
record('live strip', 'now', 'no filter', await timings(() => live(db, WORKSPACE)), base90.p95);
record('live strip', 'now', 'team', await timings(() => live(db, WORKSPACE, TEAMS[0])), base90.p95);

const sizes = await seededSizes(bench.handle);
await bench.handle.close();

writeResult(
  'analytics',
  `# Analytics queries (issue 21)

Measured ${new Date().toISOString().slice(0, 10)} by \`npx tsx bench/analytics/queries.ts\` (${runs} runs per case after 2
warm-up runs) on ${machineLine()}, PostgreSQL at 127.0.0.1. Load average before / after: ${loadBefore.join(' ')} /
${loadavg()
  .map((n) => n.toFixed(1))
  .join(' ')}.
Data: ${sizes.conversations} conversations, ${sizes.messages} messages, ${sizes.facts} analytics facts over 90 days
ending ${bench.end.toISOString()} (time zone ${TIME_ZONE}). Ranges end on the seed's last day. Baseline: a plain
\`select count(*)\` over the facts of the same range. Goal: p95 ≤ ${GOAL_MS} ms.

${table(['query', 'range', 'filter', 'p50 ms', 'p95 ms', 'p95 / baseline p95', 'runs', `≤ ${GOAL_MS} ms`], rows)}

${misses.length === 0 ? 'Every query meets the goal.' : `Missing the goal: ${misses.join('; ')}.`}`,
);
