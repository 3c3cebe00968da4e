import { ANALYTICS_MAX_DAYS } from '@flowdesk/contract';

/** Days `from`..`to` (both included, YYYY-MM-DD) in the workspace's time zone. */
export interface DayRange {
  from: string;
  to: string;
}

/** The quick choices of the range picker, in days ending today. */
export const RANGE_PRESETS = [7, 30, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** Today's date (YYYY-MM-DD) on the wall calendar of `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The last `days` days up to and including today in `timeZone`. */
export function presetRange(days: number, timeZone: string, now: Date = new Date()): DayRange {
  const to = todayIn(timeZone, now);
  return { from: addDays(to, -(days - 1)), to };
}

/** How many days the range covers (both ends included); 0 or less when `to` is before `from`. */
export function daysIn(range: DayRange): number {
  return Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1;
}

/** The preset a range equals (ending today), or null for a custom range. */
export function presetOf(range: DayRange, timeZone: string, now: Date = new Date()): RangePreset | null {
  if (range.to !== todayIn(timeZone, now)) return null;
  return RANGE_PRESETS.find((days) => daysIn(range) === days) ?? null;
}

/** Why a custom range cannot be asked for, in words; null when it can. */
export function rangeProblem(range: DayRange): string | null {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(range.from) || !day.test(range.to)) return 'Choose both a start and an end day.';
  const days = daysIn(range);
  if (days < 1) return 'The end day must not be before the start day.';
  if (days > ANALYTICS_MAX_DAYS) return `Choose at most ${ANALYTICS_MAX_DAYS} days.`;
  return null;
}

/** A range in words, e.g. "1 Mar 2026 – 7 Mar 2026" (the days are calendar days, shown as such). */
export function rangeLabel(range: DayRange): string {
  const format = (day: string) =>
    new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${day}T00:00:00Z`),
    );
  return range.from === range.to ? format(range.from) : `${format(range.from)} – ${format(range.to)}`;
}
