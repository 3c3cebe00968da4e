export {
  isValidTimeZone,
  Schedule,
  type ScheduleInput,
  TimeRange,
  WEEKDAYS,
  Weekday,
} from '@flowdesk/contract';

/** Minutes since local midnight for "HH:MM" (24:00 → 1440). */
export function clockMinutes(clock: string): number {
  const [h, m] = clock.split(':');
  return Number(h) * 60 + Number(m);
}
