import { z } from 'zod';
import { AuthorKind, Message } from './conversation';
import { ConversationHeadline } from './inbox';

/**
 * WebSocket at /ws. Widget: `/ws?visitorToken=...`; inbox: cookie session.
 * Every message event carries the conversation's seq; after a reconnect the client sends
 * `subscribe` with the last seq it has and receives exactly what it missed, in order.
 */
export const ClientFrame = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('subscribe'),
    conversationId: z.string().max(100),
    afterSeq: z.number().int().nonnegative(),
  }),
  z.object({ type: z.literal('unsubscribe'), conversationId: z.string().max(100) }),
  z.object({ type: z.literal('typing'), conversationId: z.string().max(100), typing: z.boolean() }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

/** A conversation's id, status and priority as the inbox headline has them, and who holds it now. */
export const ConversationSummaryEvent = ConversationHeadline.pick({ id: true, status: true, priority: true }).extend({
  assigneeId: z.string().nullable(),
  teamId: z.string().nullable(),
  lastSeq: z.number().int(),
  /** The bot waits for an outside call (HTTP request, AI answer) before it says more. */
  working: z.boolean().optional(),
});

export const ServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), connectionId: z.string() }),
  z.object({ type: z.literal('message'), message: Message }),
  z.object({
    type: z.literal('typing'),
    conversationId: z.string(),
    author: AuthorKind,
    name: z.string().nullable(),
    typing: z.boolean(),
  }),
  /** Status, priority or assignment changed (inbox lists update from this). */
  z.object({ type: z.literal('conversation'), conversation: ConversationSummaryEvent }),
  /**
   * A bot reply being written (an AI answer streaming): the whole text so far, so a client that joins
   * mid-stream shows all of it. The stored message follows with its seq and replaces it.
   */
  z.object({
    type: z.literal('stream'),
    conversationId: z.string(),
    streamId: z.string(),
    text: z.string(),
  }),
  z.object({ type: z.literal('presence'), userId: z.string(), status: z.enum(['online', 'away', 'offline']) }),
  /** A teammate mentioned me in an internal note (sent to my dashboards only). */
  z.object({
    type: z.literal('mention'),
    conversationId: z.string(),
    authorName: z.string(),
    visitorName: z.string().nullable(),
    text: z.string(),
  }),
  /** I read a conversation up to `seq` (sent to my own dashboards only, so every open tab clears its badge). */
  z.object({ type: z.literal('read'), conversationId: z.string(), seq: z.number().int().nonnegative() }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  z.object({ type: z.literal('pong') }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;
