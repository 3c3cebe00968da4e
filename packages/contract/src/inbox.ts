import { z } from 'zod';
import { ConversationStatus, Priority } from './conversation';
import { FollowUp, HandoffSummary } from './follow-up';

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

export const InboxFilter = z.enum(['needs_agent', 'mine', 'my_teams', 'unassigned', 'all', 'resolved']);
export type InboxFilter = z.infer<typeof InboxFilter>;
/** Conversations per filter (every filter present). */
export const FilterCounts = z.record(InboxFilter, z.number().int().nonnegative());
export type FilterCounts = z.infer<typeof FilterCounts>;

/** GET /api/inbox/conversations query. */
export const InboxListQuery = z.object({
  filter: InboxFilter.default('needs_agent'),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type InboxListQuery = z.infer<typeof InboxListQuery>;

const Named = z.object({ id: z.string(), name: z.string() });
const Iso = z.string();

/** What both the inbox list and a conversation's detail say about a conversation. */
export const ConversationHeadline = z.object({
  id: z.string(),
  status: ConversationStatus,
  priority: Priority.nullable(),
  priorityReason: z.string().nullable(),
  summary: z.string().nullable(),
  /** The structured AI summary; null before it is written (or from an older version: `summary` then). */
  summaryData: HandoffSummary.nullable(),
  /** Set while it waits for follow-up: nobody was available when the visitor asked for a person. */
  followUp: FollowUp.nullable(),
  lastSeq: z.number().int().nonnegative(),
  unread: z.number().int().nonnegative(),
  team: Named.nullable(),
  resolvedAt: Iso.nullable(),
  createdAt: Iso,
});

/** One line of the inbox list. */
export const InboxRow = ConversationHeadline.extend({
  visitor: z.object({ name: z.string().nullable(), email: z.string().nullable() }),
  assignee: Named.nullable(),
  lastMessage: z
    .object({ author: z.string(), authorName: z.string().nullable(), text: z.string(), createdAt: Iso })
    .nullable(),
  waitingSince: Iso.nullable(),
  updatedAt: Iso,
});
export type InboxRow = z.infer<typeof InboxRow>;

export const InboxList = InboxCounts.extend({
  conversations: z.array(InboxRow),
  counts: FilterCounts,
  filter: InboxFilter,
});
export type InboxList = z.infer<typeof InboxList>;
