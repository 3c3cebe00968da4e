import { TZDate } from '@date-fns/tz';
import { clockMinutes, type Schedule, WEEKDAYS } from './schedule';

export interface Interval {
  start: Date;
  end: Date;
}

/** A calendar date in the schedule's zone; month is 0-based like Date. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export function localDateOf(at: Date, timeZone: string): LocalDate {
  const local = new TZDate(at.getTime(), timeZone);
  return { year: local.getFullYear(), month: local.getMonth(), day: local.getDate() };
}

/** Calendar arithmetic without any zone, so a DST change at midnight cannot skip or repeat a date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const utc = new Date(Date.UTC(date.year, date.month, date.day + days));
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth(), day: utc.getUTCDate() };
}

export function isoDate(date: LocalDate): string {
  const mm = String(date.month + 1).padStart(2, '0');
  const dd = String(date.day).padStart(2, '0');
  return `${date.year}-${mm}-${dd}`;
}

function weekdayOf(date: LocalDate) {
  return WEEKDAYS[new Date(Date.UTC(date.year, date.month, date.day)).getUTCDay()]!;
}

/** The instant a wall-clock time happens; a time inside a spring-forward gap moves forward by the gap. */
function instant(date: LocalDate, minutes: number, timeZone: string): Date {
  return new Date(new TZDate(date.year, date.month, date.day, 0, minutes, timeZone).getTime());
}

function rangesStartingOn(schedule: Schedule, date: LocalDate): Interval[] {
  if (schedule.holidays.includes(isoDate(date))) return [];
  const ranges = schedule.weekly[weekdayOf(date)] ?? [];
  return ranges.map((range) => {
    const start = clockMinutes(range.start);
    const end = clockMinutes(range.end);
    const endDate = end > start ? date : addDays(date, 1);
    return { start: instant(date, start, schedule.timezone), end: instant(endDate, end, schedule.timezone) };
  });
}

function merge(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: Interval[] = [];
  for (const next of sorted) {
    const last = merged.at(-1);
    if (last && next.start <= last.end) {
      if (next.end > last.end) last.end = next.end;
    } else {
      merged.push({ ...next });
    }
  }
  return merged;
}

/**
 * Open intervals (merged, in order) of the ranges that start from the local day before `from`
 * through `days` days after it; the day before is included for ranges running past midnight.
 */
export function openIntervals(schedule: Schedule, from: Date, days: number): Interval[] {
  const first = localDateOf(from, schedule.timezone);
  const all: Interval[] = [];
  for (let offset = -1; offset <= days; offset++) {
    all.push(...rangesStartingOn(schedule, addDays(first, offset)));
  }
  return merge(all);
}
