import type { Schedule, TimeRange, Weekday } from '../settings-api';

export const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** The browser's zone, else UTC: what a new schedule starts with. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA zone the browser knows, with `current` kept even when the list lacks it (e.g. "UTC"). */
export function timeZoneOptions(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

/** Monday to Friday, 09:00-17:00. */
export function defaultSchedule(timezone: string): Schedule {
  const day = () => [{ start: '09:00', end: '17:00' }];
  return { timezone, weekly: { mon: day(), tue: day(), wed: day(), thu: day(), fri: day() }, holidays: [] };
}

export function setDayRanges(schedule: Schedule, day: Weekday, ranges: TimeRange[]): Schedule {
  const weekly = { ...schedule.weekly };
  if (ranges.length === 0) delete weekly[day];
  else weekly[day] = ranges;
  return { ...schedule, weekly };
}

/** A new range after the day's last one (an hour later), or 09:00-17:00 on an empty day. */
export function nextRange(ranges: TimeRange[]): TimeRange {
  const last = ranges.at(-1);
  if (!last) return { start: '09:00', end: '17:00' };
  const hour = Math.min(Number(last.end.slice(0, 2)) + 1, 23);
  const start = `${String(hour).padStart(2, '0')}:00`;
  return { start, end: hour >= 23 ? '24:00' : `${String(Math.min(hour + 2, 23)).padStart(2, '0')}:00` };
}

/** Adds a YYYY-MM-DD holiday once, keeping the list in date order. */
export function addHoliday(schedule: Schedule, date: string): Schedule {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || schedule.holidays.includes(date)) return schedule;
  return { ...schedule, holidays: [...schedule.holidays, date].sort() };
}

export function removeHoliday(schedule: Schedule, date: string): Schedule {
  return { ...schedule, holidays: schedule.holidays.filter((d) => d !== date) };
}

/** Ranges that end before they start run past midnight; say so next to them. */
export function rangeNote(range: TimeRange): string | null {
  if (range.start === range.end) return '24 hours';
  return range.end !== '24:00' && range.end < range.start ? 'until the next day' : null;
}
