import { DraftCanvas } from '@flowdesk/flow-schema';
import { z } from '@hono/zod-openapi';

/** OpenAPI shapes of the admin flows API. */
export const FlowDraft = z
  .record(z.string(), z.unknown())
  .superRefine((draft, ctx) => {
    const canvas = DraftCanvas.safeParse(draft);
    if (!canvas.success) for (const issue of canvas.error.issues) ctx.addIssue({ ...issue, input: undefined });
  })
  .openapi('FlowDraft', {
    description:
      'A flow document (packages/flow-schema FlowDocument); drafts may be incomplete, but notes and groups are checked',
  });

export const FlowSummarySchema = z
  .object({
    id: z.string(),
    botId: z.string(),
    name: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
    latestVersion: z.number().int().nullable(),
  })
  .openapi('FlowSummary');

export const FlowSchema = FlowSummarySchema.extend({ draft: FlowDraft, live: z.boolean() }).openapi('Flow');

export const FlowVersionSchema = z
  .object({
    id: z.string(),
    flowId: z.string(),
    number: z.number().int(),
    note: z.string().nullable(),
    publishedBy: z.string().nullable(),
    publishedByName: z.string().nullable(),
    createdAt: z.string(),
    document: FlowDraft.optional(),
  })
  .openapi('FlowVersion');

export const ProblemSchema = z
  .object({
    code: z.string(),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
    blockId: z.string().optional(),
    edgeId: z.string().optional(),
    details: z.unknown().optional(),
  })
  .openapi('FlowProblem');

export const FlowIdParam = z.object({ id: z.string().min(1).max(100) });
