import { z } from 'zod';
import { MessageContent } from './message-content';

export const AuthorKind = z.enum(['visitor', 'bot', 'agent', 'system']);
export type AuthorKind = z.infer<typeof AuthorKind>;

export const ConversationStatus = z.enum(['bot', 'needs_agent', 'agent', 'resolved']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const Priority = z.enum(['low', 'medium', 'high', 'urgent']);
export type Priority = z.infer<typeof Priority>;

/** A stored message as every client sees it. `seq` grows by one per message within a conversation. */
export const Message = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq: z.number().int().positive(),
  author: AuthorKind,
  authorName: z.string().nullable(),
  authorAvatarUrl: z.string().nullable().optional(),
  clientId: z.string().nullable(),
  content: MessageContent,
  createdAt: z.string(),
});
export type Message = z.infer<typeof Message>;

/** The client id of a visitor's reply that came by email (`email:<event id>`); a client may not use it. */
export const EMAILED_CLIENT_ID_PREFIX = 'email:';

/** A visitor message that reached the conversation as an emailed reply, not through the chat. */
export const cameByEmail = (message: Pick<Message, 'author' | 'clientId'>): boolean =>
  message.author === 'visitor' && (message.clientId?.startsWith(EMAILED_CLIENT_ID_PREFIX) ?? false);

/** What a visitor may know of their own conversation. */
export const VisitorConversation = z.object({
  id: z.string(),
  status: ConversationStatus,
  lastSeq: z.number().int().nonnegative(),
  agent: z.object({ name: z.string(), avatarUrl: z.string().nullable() }).nullable(),
  /** Human words for the expected reply time, e.g. "a few minutes". */
  replyTime: z.string().nullable(),
  /** What the widget should show for the input box right now (from the last bot prompt). */
  awaiting: MessageContent.nullable(),
  /** The bot is waiting for an outside call (HTTP request, AI answer) before it says more. */
  working: z.boolean(),
});
export type VisitorConversation = z.infer<typeof VisitorConversation>;
