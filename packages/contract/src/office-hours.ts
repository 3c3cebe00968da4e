import { z } from 'zod';

/** Office hours of a workspace or team (GET/PUT/DELETE /api/admin/office-hours, POST …/preview). */

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
 * Holidays are local dates (YYYY-MM-DD) on which no range starts; a range that began the evening before still
 * runs to its end past midnight.
 */
export const Schedule = z.object({
  timezone: z.string().refine(isValidTimeZone, { message: 'unknown IANA time zone' }),
  weekly: z.partialRecord(Weekday, z.array(TimeRange).max(12)),
  holidays: z.array(z.string().regex(LOCAL_DATE, 'expected YYYY-MM-DD')).max(500).default([]),
});
export type Schedule = z.infer<typeof Schedule>;
export type ScheduleInput = z.input<typeof Schedule>;

export const ReplyTimeBucket = z.enum(['a few minutes', 'a few hours', 'within a day']);
export type ReplyTimeBucket = z.infer<typeof ReplyTimeBucket>;

/** Manual words chosen by an admin, or automatic from the last week's first responses. */
export const ReplyTimeSetting = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('manual'), bucket: ReplyTimeBucket }),
  /** `fallback` is shown while there is no human reply in the window yet. */
  z.object({ mode: z.literal('auto'), fallback: ReplyTimeBucket.default('a few hours') }),
]);
export type ReplyTimeSetting = z.infer<typeof ReplyTimeSetting>;

/** When a Human Handoff block takes its `offline` output (configurable per block or workspace). */
export const OfflineWhen = z.object({
  outsideHours: z.boolean().default(true),
  noAgentOnline: z.boolean().default(true),
});
export type OfflineWhen = z.infer<typeof OfflineWhen>;

/** What an admin sets for the workspace or a team. A null schedule means always open. */
export const OfficeHoursSettings = z.object({
  schedule: Schedule.nullable().default(null),
  replyTime: ReplyTimeSetting.default({ mode: 'auto', fallback: 'a few hours' }),
  offlineWhen: OfflineWhen.default({ outsideHours: true, noAgentOnline: true }),
});
export type OfficeHoursSettings = z.infer<typeof OfficeHoursSettings>;
export type OfficeHoursSettingsInput = z.input<typeof OfficeHoursSettings>;

export const OfficePreview = z.object({
  open: z.boolean(),
  description: z.string(),
  closesAt: z.string().nullable(),
  opensAt: z.string().nullable(),
});
export type OfficePreview = z.infer<typeof OfficePreview>;
export const OfficePreviewAnswer = z.object({ preview: OfficePreview });
export const OfficePreviewRequest = z.object({
  schedule: Schedule.nullable(),
  at: z.iso.datetime({ offset: true }).optional(),
});

/** Which office hours a call reads or writes: a team's (`teamId`), else the workspace's. */
export const OfficeHoursScope = z.object({ teamId: z.string().min(1).max(100).optional() });
/** DELETE clears a team's own hours (the team then follows the workspace): the team is required. */
export const TeamOfficeHoursScope = OfficeHoursScope.required();

export const OfficeHoursResponse = z.object({
  /** Stored for exactly this scope; null when the team follows the workspace (or nothing is set). */
  settings: OfficeHoursSettings.nullable(),
  /** What applies now (team, else workspace, else defaults). */
  effective: OfficeHoursSettings,
  preview: OfficePreview,
  replyTime: z.string(),
});
export type OfficeHoursResponse = z.infer<typeof OfficeHoursResponse>;
