import { describe, expect, it } from 'vitest';
import { addDays, daysIn, presetOf, presetRange, rangeLabel, rangeProblem, todayIn } from './date-range';

// 23:30 UTC on 31 Jan 2026: already 1 Feb in Tokyo, still 31 Jan in New York.
const now = new Date('2026-01-31T23:30:00Z');

describe('analytics day ranges in the workspace time zone', () => {
  it("takes today from the zone's wall calendar, not UTC", () => {
    expect(todayIn('UTC', now)).toBe('2026-01-31');
    expect(todayIn('Asia/Tokyo', now)).toBe('2026-02-01');
    expect(todayIn('America/New_York', now)).toBe('2026-01-31');
  });

  it('presets end today and include it: 7 days are today and the 6 before', () => {
    expect(presetRange(7, 'Asia/Tokyo', now)).toEqual({ from: '2026-01-26', to: '2026-02-01' });
    expect(presetRange(30, 'UTC', now)).toEqual({ from: '2026-01-02', to: '2026-01-31' });
    expect(daysIn(presetRange(90, 'UTC', now))).toBe(90);
    expect(presetOf(presetRange(90, 'UTC', now), 'UTC', now)).toBe(90);
    expect(presetOf({ from: '2026-01-25', to: '2026-01-31' }, 'UTC', now)).toBe(7);
    expect(presetOf({ from: '2026-01-24', to: '2026-01-30' }, 'UTC', now)).toBeNull();
  });

  it('moves across month and leap-day boundaries', () => {
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('explains a custom range the API would refuse', () => {
    expect(rangeProblem({ from: '2026-01-01', to: '2026-01-01' })).toBeNull();
    expect(rangeProblem({ from: '2026-02-01', to: '2026-01-01' })).toBe(
      'The end day must not be before the start day.',
    );
    expect(rangeProblem({ from: '2024-01-01', to: '2026-01-01' })).toBe('Choose at most 366 days.');
    expect(rangeProblem({ from: '', to: '2026-01-01' })).toBe('Choose both a start and an end day.');
  });

  it('labels a range with calendar days whatever the browser zone', () => {
    expect(rangeLabel({ from: '2026-03-01', to: '2026-03-07' })).toBe('1 Mar 2026 – 7 Mar 2026');
    expect(rangeLabel({ from: '2026-03-01', to: '2026-03-01' })).toBe('1 Mar 2026');
  });
});
