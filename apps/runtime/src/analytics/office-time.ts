import type { DurationFigures } from '@flowdesk/contract';
import { openIntervals } from '../office-hours/open-intervals';
import type { Schedule } from '../office-hours/schedule';

const DAY_MS = 86_400_000;

/** Milliseconds between `from` and `to` during which the schedule was open (its intervals are merged). */
export function openMsBetween(schedule: Schedule, from: Date, to: Date): number {
  if (to <= from) return 0;
  const days = Math.ceil((to.getTime() - from.getTime()) / DAY_MS) + 1;
  let total = 0;
  for (const interval of openIntervals(schedule, from, days)) {
    const start = Math.max(interval.start.getTime(), from.getTime());
    const end = Math.min(interval.end.getTime(), to.getTime());
    if (end > start) total += end - start;
  }
  return total;
}

/** Continuous percentile (PostgreSQL's percentile_cont): linear between the two nearest values. */
export function percentile(sorted: number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * fraction;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

export function durationFigures(values: number[]): DurationFigures {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (value: number | null) => (value === null ? null : Math.round(value));
  return { count: sorted.length, medianMs: round(percentile(sorted, 0.5)), p90Ms: round(percentile(sorted, 0.9)) };
}
