import { z } from 'zod';
import { ConversationStatus } from './conversation';

/**
 * POST /api/inbox/conversations/:id/reopen — a resolved conversation comes back. By default the agent who
 * reopens it holds it (status `agent`); `assignToMe: false` puts it back in the queue (`needs_agent`).
 */
export const ReopenInput = z
  .object({
    assignToMe: z.boolean().default(true),
  })
  .strict();
export type ReopenInput = z.infer<typeof ReopenInput>;

export const ReopenResponse = z.object({
  status: ConversationStatus,
  assigneeId: z.string().nullable(),
});
export type ReopenResponse = z.infer<typeof ReopenResponse>;

/** A block an agent may hand a conversation back to: `label` is what people read (type and text or name). */
export const HandBackTarget = z.object({ id: z.string(), type: z.string(), label: z.string() });
export type HandBackTarget = z.infer<typeof HandBackTarget>;

/** GET /api/inbox/counts: conversations per filter, and how many of those waiting on me have unread messages. */
export const InboxCounts = z.object({
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** Open conversations assigned to me or needing an agent, with visitor messages I have not read. */
  unread: z.number().int().nonnegative(),
});
export type InboxCounts = z.infer<typeof InboxCounts>;
