import { z } from 'zod';
import { CsatFigures } from './csat';

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-01-31')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'Not a real date');
const Id = z.string().min(1).max(100);

/** Longest range one query covers, in days. */
export const ANALYTICS_MAX_DAYS = 366;

/** Query of the overview: days `from`..`to` (both included) in the workspace's time zone, optional filters. */
export const AnalyticsOverviewQuery = z
  .object({
    from: Day,
    to: Day,
    botId: Id.optional(),
    teamId: Id.optional(),
    agentId: Id.optional(),
    /** Count only the time the workspace's office hours were open (first response, resolution). */
    officeHoursOnly: z
      .enum(['true', 'false'])
      .optional()
      .transform((value) => value === 'true'),
  })
  .superRefine((query, ctx) => {
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
    else if (days > ANALYTICS_MAX_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `Choose at most ${ANALYTICS_MAX_DAYS} days` });
  });
export type AnalyticsOverviewQuery = z.infer<typeof AnalyticsOverviewQuery>;

/** Median and 90th percentile in milliseconds (null when nothing was measured), over `count` measures. */
export const DurationFigures = z.object({
  count: z.number().int(),
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable(),
});
export type DurationFigures = z.infer<typeof DurationFigures>;

const Count = z.object({ key: z.string(), count: z.number().int() });

export const AnalyticsOverview = z.object({
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  conversations: z.number().int(),
  /** Conversations the bot resolved without a handoff, and their share of `conversations` (0..1). */
  botResolved: z.number().int(),
  botResolvedRate: z.number(),
  handedOff: z.number().int(),
  handoffRate: z.number(),
  handoffsByReason: z.array(Count),
  handoffsByBlock: z.array(Count),
  /** Handed off, never answered by a person, and no longer waiting (resolved or back with the bot). */
  leftWithoutAnswer: z.number().int(),
  /** Measured from the handoff (not the first message). */
  firstResponse: DurationFigures,
  resolution: DurationFigures,
  /** Satisfaction of the resolutions in the range (by when they were resolved). */
  csat: CsatFigures,
  /** Conversations started per weekday (1 = Monday … 7 = Sunday) and hour (0–23) in the workspace time zone. */
  hourOfWeek: z.array(z.object({ weekday: z.number().int(), hour: z.number().int(), count: z.number().int() })),
});
export type AnalyticsOverview = z.infer<typeof AnalyticsOverview>;

export const AnalyticsLive = z.object({
  waiting: z.number().int(),
  unassigned: z.number().int(),
  agentsOnline: z.number().int(),
});
export type AnalyticsLive = z.infer<typeof AnalyticsLive>;

export const AnalyticsBlocksQuery = z.object({ flowVersionId: Id.optional(), flowId: Id.optional() });
export type AnalyticsBlocksQuery = z.infer<typeof AnalyticsBlocksQuery>;

export const AnalyticsBlockFigure = z.object({
  flowVersionId: z.string(),
  blockId: z.string(),
  /** Conversations that entered the block (a loop's repeats count once); `visits` counts every entry. */
  reached: z.number().int(),
  visits: z.number().int(),
  droppedOff: z.number().int().nonnegative(),
  handedOff: z.number().int(),
});
export const AnalyticsBlocksResponse = z.object({ blocks: z.array(AnalyticsBlockFigure) });
export type AnalyticsBlocksResponse = z.infer<typeof AnalyticsBlocksResponse>;

/** One agent's or team's figures in the range: conversations they answered or resolved, and how fast. */
export const AnalyticsHolderFigures = z.object({
  id: z.string(),
  name: z.string(),
  handled: z.number().int(),
  firstResponse: DurationFigures,
  resolution: DurationFigures,
  /** Ratings of the resolutions the agent (or team) held when they were resolved. */
  csat: CsatFigures,
});
export const AnalyticsPeopleResponse = z.object({
  agents: z.array(AnalyticsHolderFigures),
  teams: z.array(AnalyticsHolderFigures),
});
export type AnalyticsPeopleResponse = z.infer<typeof AnalyticsPeopleResponse>;
