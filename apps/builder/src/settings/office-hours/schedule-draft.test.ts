import { describe, expect, it } from 'vitest';
import {
  addHoliday,
  defaultSchedule,
  nextRange,
  rangeNote,
  removeHoliday,
  setDayRanges,
  timeZoneOptions,
} from './schedule-draft';

describe('schedule draft', () => {
  it('starts with weekdays 09:00-17:00 in the given zone', () => {
    const s = defaultSchedule('Europe/Paris');
    expect(s.timezone).toBe('Europe/Paris');
    expect(Object.keys(s.weekly)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(s.weekly.sat).toBeUndefined();
  });

  it('drops a day with no ranges and keeps others', () => {
    const s = setDayRanges(defaultSchedule('UTC'), 'mon', []);
    expect(s.weekly.mon).toBeUndefined();
    expect(setDayRanges(s, 'sat', [{ start: '10:00', end: '12:00' }]).weekly.sat).toHaveLength(1);
  });

  it('proposes the next range after the last one', () => {
    expect(nextRange([])).toEqual({ start: '09:00', end: '17:00' });
    expect(nextRange([{ start: '09:00', end: '12:00' }])).toEqual({ start: '13:00', end: '15:00' });
    expect(nextRange([{ start: '20:00', end: '23:00' }])).toEqual({ start: '23:00', end: '24:00' });
  });

  it('keeps holidays unique, sorted and valid', () => {
    let s = addHoliday(defaultSchedule('UTC'), '2026-12-25');
    s = addHoliday(s, '2026-01-01');
    s = addHoliday(s, '2026-12-25');
    s = addHoliday(s, 'not a date');
    expect(s.holidays).toEqual(['2026-01-01', '2026-12-25']);
    expect(removeHoliday(s, '2026-01-01').holidays).toEqual(['2026-12-25']);
  });

  it('notes ranges that cross midnight', () => {
    expect(rangeNote({ start: '22:00', end: '02:00' })).toBe('until the next day');
    expect(rangeNote({ start: '08:00', end: '08:00' })).toBe('24 hours');
    expect(rangeNote({ start: '08:00', end: '24:00' })).toBeNull();
  });

  it('lists IANA zones and keeps the current one', () => {
    const zones = timeZoneOptions('Mars/Olympus');
    expect(zones[0]).toBe('Mars/Olympus');
    expect(zones).toContain('Europe/Paris');
  });
});
