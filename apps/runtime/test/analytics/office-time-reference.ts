/**
 * Open office time in plain JavaScript, one calendar walk per question: the reference the SQL of
 * src/analytics/office-durations.ts is tested against (office-durations.test.ts).
 */
import type { DurationFigures } from '@flowdesk/contract';
import { openIntervals } from '../../src/office-hours/open-intervals';
import type { Schedule } from '../../src/office-hours/schedule';

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

/**
 * `openMsBetween` for many spans at once: the schedule's open intervals over all of them are built once, and each
 * span is answered from running totals (a binary search), so a range of 30,000 durations costs one calendar walk.
 */
export function openTimeCounter(schedule: Schedule, spans: Array<{ from: Date; to: Date }>) {
  if (spans.length === 0) return () => 0;
  const first = Math.min(...spans.map((span) => span.from.getTime()));
  const last = Math.max(...spans.map((span) => span.to.getTime()));
  const intervals = openIntervals(schedule, new Date(first), Math.ceil((last - first) / DAY_MS) + 1);
  const starts = intervals.map((interval) => interval.start.getTime());
  const ends = intervals.map((interval) => interval.end.getTime());
  const before: number[] = [0];
  for (let i = 0; i < intervals.length; i++) before.push(before[i]! + ends[i]! - starts[i]!);
  /** Open milliseconds from the first interval until `at`. */
  const openUntil = (at: number) => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (starts[middle]! <= at) low = middle + 1;
      else high = middle;
    }
    if (low === 0) return 0;
    return before[low - 1]! + Math.min(at, ends[low - 1]!) - starts[low - 1]!;
  };
  return (from: Date, to: Date) => (to <= from ? 0 : openUntil(to.getTime()) - openUntil(from.getTime()));
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
