import { z } from 'zod';

/** Admin flows API shapes shared by the runtime and the dashboard (POST /api/admin/flows/:id/publish). */

export const NamedRef = z.object({ id: z.string(), name: z.string() });
export type NamedRef = z.infer<typeof NamedRef>;

/**
 * Publishing adds a version; whether the bot then runs this flow is the admin's choice. Left out, the flow
 * goes live only where that replaces nothing (the bot runs no flow yet, or runs this one). `makeLive: true`
 * where another flow is live must name that flow in `replacesFlowId` (the admin confirmed replacing it);
 * otherwise the answer is 409 `live_flow_would_be_replaced` with LiveFlowConflict details.
 */
export const PublishFlowRequest = z.object({
  note: z.string().trim().max(500).optional(),
  makeLive: z.boolean().optional(),
  replacesFlowId: z.string().min(1).max(100).optional(),
});
export type PublishFlowRequest = z.infer<typeof PublishFlowRequest>;

/** What publishing did to the bot: besides the version, whether this flow is live and which flow it replaced. */
export const PublishOutcome = z.object({
  bot: NamedRef,
  live: z.boolean(),
  /** The flow that was live before and no longer is (null when nothing was replaced). */
  replaced: NamedRef.nullable(),
});
export type PublishOutcome = z.infer<typeof PublishOutcome>;

/**
 * POST /api/admin/flows/:id/live — makes a published flow the one its bot runs (its latest version), without
 * publishing again. Where another flow is live, `replacesFlowId` must name it (else 409, as for publishing).
 */
export const MakeLiveRequest = PublishFlowRequest.pick({ replacesFlowId: true });
export type MakeLiveRequest = z.infer<typeof MakeLiveRequest>;

export const LIVE_FLOW_CONFLICT = 'live_flow_would_be_replaced';

/** Details of the 409 answer: the bot and the flow that is live for it now. */
export const LiveFlowConflict = z.object({ bot: NamedRef, liveFlow: NamedRef });
export type LiveFlowConflict = z.infer<typeof LiveFlowConflict>;
