import type { DurationFigures } from '@flowdesk/contract';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { planEachTime } from '../db/plan-each-time';
import type { Database } from '../db/schema';
import { openIntervals } from '../office-hours/open-intervals';
import type { Schedule } from '../office-hours/schedule';

const DAY_MS = 86_400_000;

/**
 * Whole milliseconds since the epoch, as the Date JavaScript reads from the value holds them (microseconds dropped,
 * in UTC whatever the session's zone; rounded: the float seconds of a whole millisecond are inexact, not its count).
 */
const epochMs = (value: RawBuilder<unknown>) =>
  sql`round(date_part('epoch', date_trunc('milliseconds', ${value} at time zone 'UTC')) * 1000)`;

/** Numbers as a PostgreSQL array literal (one text parameter, read the same by pg and PGlite). */
const float8s = (values: number[]) => sql`${`{${values.join(',')}}`}::float8[]`;

/** Instants (milliseconds since the epoch) from `first` to `last`. */
export type Window = { first: number; last: number };

type Result = { count: number; percentiles: [number, number] | null; first: number | null; last: number | null };

/** The figures with the open intervals of `window`'s days; `first` and `last`: the facts' earliest start, latest end. */
async function figuresWithin(db: Kysely<Database>, schedule: Schedule, facts: RawBuilder<unknown>, window: Window) {
  const { first, last } = window;
  const intervals = openIntervals(schedule, new Date(first), Math.ceil((last - first) / DAY_MS) + 1);
  const starts = intervals.map((interval) => interval.start.getTime());
  const ends = intervals.map((interval) => interval.end.getTime());
  const before = [0];
  for (let i = 0; i < intervals.length - 1; i++) before.push(before[i]! + ends[i]! - starts[i]!);
  // Open milliseconds from the first interval until `t`, `i` the last interval starting at or before it (0: none).
  const openUntil = (t: string, i: string) =>
    sql`coalesce(k.before[${sql.ref(i)}] + least(${sql.ref(t)}, k.ends[${sql.ref(i)}]) - k.starts[${sql.ref(i)}], 0)`;
  // The start is the end less the fact's `ms` (recorded as exactly that difference of the two instants): reading
  // `handedOffAt` as a timestamp cost more than the rest of the statement. A fact without `ms` falls back to it;
  // JavaScript read a missing start as `new Date(null)`: the epoch. Materialized (and `offset 0`: the subquery is
  // not merged into it), each value is computed once instead of once per use.
  const { rows } = await sql<Result>`${planEachTime}
    with k as (select ${float8s(starts)} as starts, ${float8s(ends)} as ends, ${float8s(before)} as before),
    marks as materialized (select s.since, s.at, width_bucket(s.since, k.starts) as i, width_bucket(s.at, k.starts) as j
      from (select coalesce(t.at - t.ms, ${epochMs(sql`(t.payload->>'handedOffAt')::timestamptz`)}, 0) as since, t.at
        from (select ${epochMs(sql`f.at`)} as at, (f.payload->>'ms')::float8 as ms, f.payload ${facts} offset 0) t
      ) s cross join k),
    open as (select m.since, m.at,
        case when m.at <= m.since then 0 else ${openUntil('m.at', 'm.j')} - ${openUntil('m.since', 'm.i')} end as ms
      from marks m cross join k)
    select count(*)::int as count, percentile_cont(array[0.5, 0.9]) within group (order by ms) as percentiles,
      min(since) as first, max(at) as last
    from open`.execute(db);
  return rows[0]!;
}

/**
 * openTimeCounter and durationFigures (test/analytics/office-time-reference.ts, the tests' oracle) in SQL: the figures of the durations from
 * `payload->>'handedOffAt'` to `at` of the facts `facts` (a `from analytics_facts f where …` clause), counting only
 * the schedule's open time. The open intervals are built here, passed as arrays with their running totals, and each
 * fact is answered in SQL (width_bucket: the binary search): a 90-day range sends back a few numbers instead of
 * 30,000 facts. The intervals cover `guess`; when a fact falls outside it, again over the facts' own days (the open
 * time between two instants is the same from any intervals that cover them).
 */
export async function openTimeDurations(
  db: Kysely<Database>,
  schedule: Schedule,
  facts: RawBuilder<unknown>,
  guess: Window,
): Promise<DurationFigures> {
  let result = await figuresWithin(db, schedule, facts, guess);
  const { first, last } = result;
  if (first === null || last === null) return { count: 0, medianMs: null, p90Ms: null };
  if (first < guess.first || last > guess.last) result = await figuresWithin(db, schedule, facts, { first, last });
  const { count, percentiles } = result;
  return {
    count,
    medianMs: percentiles === null ? null : Math.round(Number(percentiles[0])),
    p90Ms: percentiles === null ? null : Math.round(Number(percentiles[1])),
  };
}
