import { z } from 'zod';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export const Weekday = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof Weekday>;

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * One opening range on a weekday, as wall-clock times in the schedule's time zone.
 * `end` at or before `start` means the range runs past midnight into the next day (22:00-02:00, or
 * 24 hours when equal); `24:00` closes at midnight.
 */
export const TimeRange = z
  .object({
    start: z.string().regex(CLOCK, 'expected HH:MM'),
    end: z.string().regex(CLOCK, 'expected HH:MM'),
  })
  .refine((r) => r.start !== '24:00', { message: 'a range cannot start at 24:00', path: ['start'] });
export type TimeRange = z.infer<typeof TimeRange>;

/**
 * Office hours of a workspace or team. Holidays are local dates (YYYY-MM-DD) on which no range starts;
 * a range that began the evening before still runs to its end past midnight.
 */
export const Schedule = z.object({
  timezone: z.string().refine(isValidTimeZone, { message: 'unknown IANA time zone' }),
  weekly: z.partialRecord(Weekday, z.array(TimeRange).max(12)),
  holidays: z.array(z.string().regex(LOCAL_DATE, 'expected YYYY-MM-DD')).max(500).default([]),
});
export type Schedule = z.infer<typeof Schedule>;
export type ScheduleInput = z.input<typeof Schedule>;

/** Minutes since local midnight for "HH:MM" (24:00 → 1440). */
export function clockMinutes(clock: string): number {
  const [h, m] = clock.split(':');
  return Number(h) * 60 + Number(m);
}
