import { FlowDraft as FlowDraftShape } from '@flowdesk/contract';
import { DraftCanvas } from '@flowdesk/flow-schema';
import { z } from '@hono/zod-openapi';

/**
 * A posted draft: the contract's shape (an object) whose notes and groups flow-schema's DraftCanvas checks; its
 * blocks may be half-edited. The contract cannot hold this check (flow-schema depends on the contract).
 */
export const CheckedFlowDraft = FlowDraftShape.superRefine((draft, ctx) => {
  const canvas = DraftCanvas.safeParse(draft);
  if (!canvas.success) for (const issue of canvas.error.issues) ctx.addIssue({ ...issue, input: undefined });
}).openapi('FlowDraft', {
  description:
    'A flow document (packages/flow-schema FlowDocument); drafts may be incomplete, but notes and groups are checked',
});

export const FlowIdParam = z.object({ id: z.string().min(1).max(100) });
