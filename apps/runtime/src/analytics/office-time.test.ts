import { describe, expect, it } from 'vitest';
import { durationFigures, openMsBetween } from './office-time';

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

  it('median and p90 like percentile_cont', () => {
    expect(durationFigures([])).toEqual({ count: 0, medianMs: null, p90Ms: null });
    expect(durationFigures([40, 10, 30, 20])).toEqual({ count: 4, medianMs: 25, p90Ms: 37 });
  });
});
