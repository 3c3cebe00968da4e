import { z } from 'zod';
import { ConversationStatus, Message, Priority } from './conversation';
import { ConversationRating } from './csat';
import { ConversationHeadline, HandBackTarget } from './inbox';
import { Presence } from './inbox-workspace';

/** One conversation in the inbox (GET /api/inbox/conversations/:id) and what the agent does with it. */

const Named = z.object({ id: z.string(), name: z.string() });
const Iso = z.string();
const Variables = z.record(z.string(), z.unknown());

export const DetailQuery = z.object({ afterSeq: z.coerce.number().int().nonnegative().optional() });

/** A transcript line as agents see it: private notes (`internal`) included. */
export const TranscriptMessage = Message.extend({ internal: z.boolean() });
export type TranscriptMessage = z.infer<typeof TranscriptMessage>;

/**
 * How an agent's reply reaches the visitor now: `chat` in the widget they have open; `email` as well (they left
 * the chat, or asked to be answered by email: `inChat` tells which); `later` when they come back (they left and no
 * email can reach them).
 */
export const VisitorReach = z.object({ via: z.enum(['chat', 'email', 'later']), inChat: z.boolean() });
export type VisitorReach = z.infer<typeof VisitorReach>;

export const ConversationDetail = z.object({
  conversation: ConversationHeadline.extend({
    /** The bot waits for an HTTP call or an AI answer (when the runtime says; conversation frames always do). */
    working: z.boolean().optional(),
    assignee: Named.extend({ avatarUrl: z.string().nullable(), presence: Presence }).nullable(),
    bot: Named,
    variables: Variables,
    handedOffAt: Iso.nullable(),
    firstResponseAt: Iso.nullable(),
    updatedAt: Iso.optional(),
    /** The visitor's latest rating (null: never rated). */
    rating: ConversationRating.nullable(),
  }),
  visitor: z.object({
    id: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    pageUrl: z.string().nullable(),
    userAgent: z.string().nullable(),
    locale: z.string().nullable(),
    variables: Variables,
    firstSeenAt: Iso,
    lastSeenAt: Iso,
    reach: VisitorReach,
  }),
  messages: z.array(TranscriptMessage),
  handBackTargets: z.array(HandBackTarget),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;

export const ReplyInput = z.object({
  text: z.string().trim().min(1).max(5000),
  clientId: z.string().min(1).max(100).optional(),
});
export const ReplyAnswer = z.object({ message: Message, reach: VisitorReach });

export const NoteInput = z.object({
  text: z.string().trim().min(1).max(5000),
  /** Ids of mentioned teammates (the composer resolves `@name` to ids). */
  mentions: z.array(z.string().max(100)).max(50).default([]),
});
export const NoteAnswer = z.object({ note: TranscriptMessage });

export const HandBackInput = z.object({
  /** Resume the flow at this block; null continues after the handoff block (or ends the flow). */
  blockId: z.string().min(1).max(64).nullable().default(null),
  /** End the conversation instead: the flow stops, the conversation is resolved and the visitor told. */
  end: z.boolean().default(false),
});
export const HandBackAnswer = z.object({ status: ConversationStatus, replies: z.array(Message) });

export const PriorityInput = z.object({ priority: Priority.nullable() });
export const PriorityAnswer = z.object({ priority: Priority.nullable(), priorityReason: z.string().nullable() });

export const AssignInput = z
  .object({
    /** A user of the workspace, or null to unassign. Absent leaves the assignee as it is. */
    assigneeId: z.string().max(100).nullable().optional(),
    teamId: z.string().max(100).nullable().optional(),
  })
  .refine((input) => input.assigneeId !== undefined || input.teamId !== undefined, 'Give assigneeId, teamId or both');
export type AssignInput = z.input<typeof AssignInput>;
export const AssignAnswer = z.object({ assigneeId: z.string().nullable(), teamId: z.string().nullable() });

export const ReadInput = z.object({ seq: z.number().int().nonnegative().optional() });

export const SummaryAnswer = PriorityAnswer.extend({ summary: z.string().nullable() });
/** `provider`: who wrote the draft (`offline` when the model failed and the fallback answered). */
export const SuggestReplyAnswer = z.object({ reply: z.string(), provider: z.string() });
