import { z } from 'zod';
import { CsatFigures } from './csat';

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-01-31')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'Not a real date');
const Id = z.string().min(1).max(100);

/** Longest range one query covers, in days. */
export const ANALYTICS_MAX_DAYS = 366;

/**
 * How the visitor reached the conversation when a fact was recorded: the widget, another client of the
 * public API, or email (the visitor replied to an emailed message). A conversation continued by email
 * counts under both channels it used.
 */
export const AnalyticsChannel = z.enum(['widget', 'api', 'email']);
export type AnalyticsChannel = z.infer<typeof AnalyticsChannel>;

/** The `X-Flowdesk-Client` header value the widget sends; public API calls without it are channel `api`. */
export const WIDGET_CLIENT_HEADER = 'x-flowdesk-client';
export const WIDGET_CLIENT = 'widget';

/** Days `from`..`to` (both included): `to` not before `from`, at most ANALYTICS_MAX_DAYS days. */
function checkDays(query: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) {
  if (query.from === undefined && query.to === undefined) return;
  if (query.from === undefined || query.to === undefined) {
    ctx.addIssue({ code: 'custom', path: [query.from ? 'to' : 'from'], message: 'Give both from and to' });
    return;
  }
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 + 1;
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
  else if (days > ANALYTICS_MAX_DAYS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `Choose at most ${ANALYTICS_MAX_DAYS} days` });
}

/** Query of the overview: days `from`..`to` (both included) in the workspace's time zone, optional filters. */
export const AnalyticsOverviewQuery = z
  .object({
    from: Day,
    to: Day,
    botId: Id.optional(),
    teamId: Id.optional(),
    agentId: Id.optional(),
    channel: AnalyticsChannel.optional(),
    /** Count only the time the workspace's office hours were open (first response, resolution). */
    officeHoursOnly: z
      .enum(['true', 'false'])
      .optional()
      .transform((value) => value === 'true'),
  })
  .superRefine(checkDays);
export type AnalyticsOverviewQuery = z.infer<typeof AnalyticsOverviewQuery>;

/** Median and 90th percentile in milliseconds (null when nothing was measured), over `count` measures. */
export const DurationFigures = z.object({
  count: z.number().int(),
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable(),
});
export type DurationFigures = z.infer<typeof DurationFigures>;

const Count = z.object({ key: z.string(), count: z.number().int() });

/** Handoffs from one block of one flow (all its versions), keyed `flowId blockId`, named as the canvas names it. */
export const BlockHandoffs = Count.extend({
  flowId: z.string(),
  flowName: z.string(),
  blockId: z.string(),
  /** The block's name, else its type's label, as in its newest version counted. */
  label: z.string(),
});
export type BlockHandoffs = z.infer<typeof BlockHandoffs>;

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
  handoffsByBlock: z.array(BlockHandoffs),
  /** Handoffs a matched intent led to, by the intent's name (its latest name when it was renamed). */
  handoffsByIntent: z.array(Count),
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

/**
 * Block figures of a flow (all versions) or one version; with `from`..`to`, of the conversations started in those
 * days (the workspace's time zone).
 */
export const AnalyticsBlocksQuery = z
  .object({ flowVersionId: Id.optional(), flowId: Id.optional(), from: Day.optional(), to: Day.optional() })
  .superRefine(checkDays);
export type AnalyticsBlocksQuery = z.infer<typeof AnalyticsBlocksQuery>;

/** How often one intent matched at a block (an intent trigger, or a Match Intent block's outputs). */
export const AnalyticsIntentMatches = z.object({ intentId: z.string(), name: z.string(), count: z.number().int() });

export const AnalyticsBlockFigure = z.object({
  flowVersionId: z.string(),
  blockId: z.string(),
  /** Conversations that entered the block (a loop's repeats count once); `visits` counts every entry. */
  reached: z.number().int(),
  visits: z.number().int(),
  droppedOff: z.number().int().nonnegative(),
  handedOff: z.number().int(),
  /** Intents matched at this block, most matched first. */
  intents: z.array(AnalyticsIntentMatches),
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
