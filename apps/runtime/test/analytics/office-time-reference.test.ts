import { describe, expect, it } from 'vitest';
import { durationFigures, openMsBetween, openTimeCounter } from './office-time-reference';

const HOUR = 3_600_000;
const weekdays = {
  timezone: 'Europe/Paris',
  weekly: { mon: [{ start: '09:00', end: '17:00' }], fri: [{ start: '09:00', end: '17:00' }] },
  holidays: [],
};

describe('office time', () => {
  it('counts only open time between two instants, across a closed weekend', () => {
    // Friday 2026-01-09 15:00 Paris (14:00 UTC) → Monday 2026-01-12 10:00 Paris: 2 h Friday + 1 h Monday.
    expect(openMsBetween(weekdays, new Date('2026-01-09T14:00:00Z'), new Date('2026-01-12T09:00:00Z'))).toBe(3 * HOUR);
    expect(openMsBetween(weekdays, new Date('2026-01-10T10:00:00Z'), new Date('2026-01-11T10:00:00Z'))).toBe(0);
    expect(openMsBetween({ timezone: 'UTC', weekly: {}, holidays: [] }, new Date(0), new Date(86_400_000))).toBe(0);
  });

  it('counts many spans at once exactly like one span at a time (DST change, holiday, night shift)', () => {
    const schedule = {
      timezone: 'Europe/Paris',
      weekly: { mon: [{ start: '09:00', end: '17:00' }], sat: [{ start: '22:00', end: '02:00' }] },
      holidays: ['2026-11-02'],
    };
    const spans = Array.from({ length: 400 }, (_, i) => {
      const from = new Date(Date.UTC(2026, 8, 20) + i * 7_919_000);
      return { from, to: new Date(from.getTime() + ((i * 104_729_000) % (9 * 86_400_000))) };
    });
    spans.push({ from: spans[3]!.to, to: spans[3]!.from });
    const counter = openTimeCounter(schedule, spans);
    for (const { from, to } of spans) expect(counter(from, to)).toBe(openMsBetween(schedule, from, to));
    expect(openTimeCounter(schedule, [])(new Date(0), new Date(1))).toBe(0);
  });

  it('median and p90 like percentile_cont', () => {
    expect(durationFigures([])).toEqual({ count: 0, medianMs: null, p90Ms: null });
    expect(durationFigures([40, 10, 30, 20])).toEqual({ count: 4, medianMs: 25, p90Ms: 37 });
  });
});
