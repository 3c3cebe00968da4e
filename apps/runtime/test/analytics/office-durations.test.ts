import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTimeDurations } from '../../src/analytics/office-durations';
import { Schedule } from '../../src/office-hours/schedule';
import { databaseKinds, useTestDatabase } from '../db';
import { durationFigures, openTimeCounter } from './office-time-reference';

const DAY = 86_400_000;
const allWeek = (start: string, end: string) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ start, end }]]));
const schedules = [
  {
    timezone: 'Europe/Paris',
    weekly: { mon: [{ start: '09:00', end: '18:00' }], fri: [{ start: '23:00', end: '24:00' }] },
  },
  {
    timezone: 'Asia/Kolkata',
    weekly: { wed: [{ start: '00:00', end: '24:00' }], sat: [{ start: '10:30', end: '12:15' }] },
  },
  { timezone: 'America/New_York', weekly: allWeek('01:30', '03:30'), holidays: ['2026-03-08', '2026-11-01'] },
  { timezone: 'Asia/Kathmandu', weekly: allWeek('00:00', '24:00') },
  { timezone: 'UTC', weekly: {} },
].map((schedule) => Schedule.parse(schedule));

/** A fixed pseudo-random sequence (the same spans every run). */
function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

describe.each(databaseKinds)('open office time in SQL on %s', (kind) => {
  const t = useTestDatabase(kind);

  it('gives what openTimeCounter and durationFigures give, whatever intervals it tries first', async () => {
    const next = random(21);
    const base = Date.parse('2026-02-20T00:00:00Z');
    const facts: Array<{ since: string; at: string; ms?: number }> = [];
    for (let i = 0; i < 400; i++) {
      const at = base + next() * 300 * DAY;
      const since = at - next() * 20 * DAY + (i % 17 === 0 ? 2 * DAY : 0);
      // Microseconds in some starts and ends (JavaScript keeps the milliseconds).
      const micros = (ms: number) => new Date(ms).toISOString().replace('Z', `${i % 10}${i % 7}1+00:00`);
      const fact = { since: i % 2 ? micros(since) : new Date(since).toISOString(), at: micros(at) };
      // As recorded: the wait in whole milliseconds beside its start (some facts carry only one of them).
      const ms = new Date(fact.at).getTime() - new Date(fact.since).getTime();
      facts.push(i % 3 === 0 ? fact : { ...fact, ms });
    }
    const expectSame = async (schedule: Schedule, some: Array<{ since: string | null; at: string; ms?: number }>) => {
      const values = some.map(({ since, at, ms }, i) => {
        const payload = ms === undefined ? { handedOffAt: since } : i % 3 === 2 ? { ms } : { handedOffAt: since, ms };
        return sql`(${JSON.stringify(payload)}::jsonb, ${at}::timestamptz)`;
      });
      const from = sql`from (values ${sql.join(values)}) as f(payload, at)`;
      // What the statement replaced: rows read into Dates (a missing start: `new Date(null)`, the epoch).
      const spans = some.map(({ since, at }) => ({ from: new Date(since as string), to: new Date(at) }));
      const openMs = openTimeCounter(schedule, spans);
      const expected = durationFigures(spans.map((span) => openMs(span.from, span.to)));
      // A window that covers every fact, one that misses the earliest starts, one that misses everything.
      for (const guess of [
        { first: base - 40 * DAY, last: base + 301 * DAY },
        { first: base, last: base + 301 * DAY },
        { first: base + 400 * DAY, last: base + 401 * DAY },
      ]) {
        expect(await openTimeDurations(t.current.db, schedule, from, guess)).toEqual(expected);
      }
      return expected;
    };
    const figures = [];
    for (const schedule of schedules) figures.push(await expectSame(schedule, facts));
    // Some schedules leave real durations to compare (not only zeros).
    expect(figures.filter((f) => (f.medianMs ?? 0) > 0 && (f.p90Ms ?? 0) > (f.medianMs ?? 0)).length).toBeGreaterThan(
      1,
    );
    await expectSame(schedules[0]!, [...facts.slice(0, 20), { since: null, at: facts[0]!.at }]);
    const none = sql`from (select null::jsonb as payload, now() as at where false) f`;
    expect(await openTimeDurations(t.current.db, schedules[0]!, none, { first: base, last: base })).toEqual({
      count: 0,
      medianMs: null,
      p90Ms: null,
    });
  });
});
