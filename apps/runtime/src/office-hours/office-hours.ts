import { TZDate } from '@date-fns/tz';
import { zoneName } from './handoff-wording';
import { addDays, type Interval, isoDate, localDateOf, openIntervals } from './open-intervals';
import type { Schedule } from './schedule';

const WEEK_DAYS = 8;
/** Long runs of holidays: how far ahead nextOpening keeps looking before it answers "never". */
const MAX_LOOKAHEAD_DAYS = 400;
const DAY_MS = 86_400_000;

function containing(intervals: Interval[], at: Date): Interval | undefined {
  return intervals.find((i) => i.start <= at && at < i.end);
}

export function isOpen(schedule: Schedule, at: Date): boolean {
  return containing(openIntervals(schedule, at, 1), at) !== undefined;
}

/** The first instant at or after `at` when the schedule is open (`at` itself when open now); null if never. */
export function nextOpening(schedule: Schedule, at: Date): Date | null {
  for (const days of [WEEK_DAYS, MAX_LOOKAHEAD_DAYS]) {
    const intervals = openIntervals(schedule, at, days);
    if (containing(intervals, at)) return at;
    const next = intervals.find((i) => i.start > at);
    if (next) return next.start;
  }
  return null;
}

export interface OfficeStatus {
  open: boolean;
  /** When open: the moment it closes, null when it stays open for more than a week (24/7). */
  closesAt: Date | null;
  /** When closed: the next opening, null when the schedule never opens. */
  opensAt: Date | null;
}

export function officeStatus(schedule: Schedule, at: Date): OfficeStatus {
  const current = containing(openIntervals(schedule, at, WEEK_DAYS), at);
  if (current) {
    const closesAt = current.end.getTime() - at.getTime() > 7 * DAY_MS ? null : current.end;
    return { open: true, closesAt, opensAt: null };
  }
  return { open: false, closesAt: null, opensAt: nextOpening(schedule, at) };
}

function clock(at: Date, timeZone: string): string {
  const local = new TZDate(at.getTime(), timeZone);
  return `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
}

function dayWords(target: Date, now: Date, timeZone: string): string {
  const today = localDateOf(now, timeZone);
  const day = isoDate(localDateOf(target, timeZone));
  if (day === isoDate(today)) return 'today';
  if (day === isoDate(addDays(today, 1))) return 'tomorrow';
  if (target.getTime() - now.getTime() < 6 * DAY_MS) {
    return new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone }).format(target);
  }
  return `on ${new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(target)}`;
}

/** Words for the dashboard preview and the widget: "Open now until 17:30", "Opens Monday at 09:00". */
export function describe(schedule: Schedule, at: Date): string {
  const status = officeStatus(schedule, at);
  const zone = schedule.timezone;
  if (status.open) {
    if (!status.closesAt) return 'Open now';
    // A closing on another day names it: at 20:00 "until 17:00" reads as a time already past.
    const day = dayWords(status.closesAt, at, zone);
    if (day === 'today') return `Open now until ${clock(status.closesAt, zone)}`;
    return `Open now until ${day} at ${clock(status.closesAt, zone)}`;
  }
  if (!status.opensAt) return 'Closed';
  // The zone is named: a visitor elsewhere would otherwise read 09:00 as their own time.
  return `Opens ${dayWords(status.opensAt, at, zone)} at ${clock(status.opensAt, zone)} (${zoneName(zone)})`;
}
