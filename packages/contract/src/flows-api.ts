import { z } from 'zod';

/** Admin flows API shapes shared by the runtime and the dashboard (/api/admin/flows: records, drafts, versions, publishing). */

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

/**
 * A flow document as stored (packages/flow-schema FlowDocument). Drafts may be half-edited, so the shape here is
 * an object; the runtime checks a posted draft's notes and groups with flow-schema's DraftCanvas, and the editor
 * loads it with FlowDocument.
 */
export const FlowDraft = z.record(z.string(), z.unknown());
export type FlowDraft = z.infer<typeof FlowDraft>;

export const FlowSummary = z.object({
  id: z.string(),
  botId: z.string(),
  name: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  latestVersion: z.number().int().nullable(),
});
export type FlowSummary = z.infer<typeof FlowSummary>;

export const FlowRecord = FlowSummary.extend({
  draft: FlowDraft,
  /** This flow is the one its bot runs. */
  live: z.boolean(),
});
export type FlowRecord = z.infer<typeof FlowRecord>;

export const FlowVersion = z.object({
  id: z.string(),
  flowId: z.string(),
  number: z.number().int(),
  note: z.string().nullable(),
  publishedBy: z.string().nullable(),
  publishedByName: z.string().nullable(),
  createdAt: z.string(),
  /** Only when one version is asked for. */
  document: FlowDraft.optional(),
});
export type FlowVersion = z.infer<typeof FlowVersion>;

export const FlowProblem = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  blockId: z.string().optional(),
  edgeId: z.string().optional(),
  details: z.unknown().optional(),
});
export type FlowProblem = z.infer<typeof FlowProblem>;

const FlowName = z.string().trim().min(1).max(200);

/** GET /api/admin/flows: all of the workspace's flows, or one bot's. */
export const FlowsQuery = z.object({ botId: z.string().max(100).optional() });

export const CreateFlowRequest = z.object({ botId: z.string().min(1).max(100), name: FlowName, draft: FlowDraft });
export type CreateFlowRequest = z.input<typeof CreateFlowRequest>;

export const SaveDraftRequest = z.object({
  draft: FlowDraft,
  name: FlowName.optional(),
  /** The updatedAt the editor loaded; a newer save by someone else answers 409 instead of overwriting. */
  baseUpdatedAt: z.string().max(40).optional(),
});
export type SaveDraftRequest = z.input<typeof SaveDraftRequest>;

/** Checks the posted draft, or the saved one when none is posted. */
export const ValidateFlowRequest = z.object({ draft: FlowDraft.optional() }).optional();

export const RollbackRequest = z.object({
  version: z.number().int().positive(),
  note: z.string().trim().max(500).optional(),
});
export type RollbackRequest = z.input<typeof RollbackRequest>;

export const FlowsAnswer = z.object({ flows: z.array(FlowSummary) });
export const FlowAnswer = z.object({ flow: FlowRecord });
export const ValidateFlowAnswer = z.object({ problems: z.array(FlowProblem), runnable: z.boolean() });
export const PublishAnswer = PublishOutcome.extend({ version: FlowVersion, problems: z.array(FlowProblem) });
export type PublishAnswer = z.infer<typeof PublishAnswer>;
export const FlowVersionsAnswer = z.object({ versions: z.array(FlowVersion) });
export const FlowVersionAnswer = z.object({ version: FlowVersion });
export const RollbackAnswer = z.object({ flow: FlowRecord, version: FlowVersion });
