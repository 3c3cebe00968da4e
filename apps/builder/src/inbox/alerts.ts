import type { ConversationStatus } from '@flowdesk/contract';
import { visitorLabel } from './inbox-api';

export interface KnownConversation {
  status: ConversationStatus;
  lastSeq: number;
  assigneeId: string | null;
}

export interface AlertContext {
  userId: string;
  /** The conversation open on screen while the window has focus (no alert for what the agent is reading). */
  watching: string | null;
}

export type Alert = { kind: 'handoff' } | { kind: 'message' } | null;

/**
 * Whether a conversation update deserves a browser notification: a new handoff (it just started
 * needing an agent), or new activity in a conversation assigned to me that I am not looking at.
 */
export function alertFor(
  previous: KnownConversation | undefined,
  next: KnownConversation & { id: string },
  context: AlertContext,
): Alert {
  if (next.status === 'needs_agent' && previous?.status !== 'needs_agent') return { kind: 'handoff' };
  if (
    previous &&
    next.assigneeId === context.userId &&
    next.status !== 'resolved' &&
    next.lastSeq > previous.lastSeq &&
    context.watching !== next.id
  ) {
    return { kind: 'message' };
  }
  return null;
}

export interface MentionAlert {
  conversationId: string;
  authorName: string;
  visitorName: string | null;
}

/** The title of the alert for a mention in an internal note: "Bea mentioned you in Jane Doe's conversation". */
export function mentionAlertText(mention: MentionAlert): string {
  const who = visitorLabel({ name: mention.visitorName, email: null }, mention.conversationId);
  return `${mention.authorName} mentioned you in the conversation with ${who}`;
}

const QUOTE_MAX = 120;

/** A message cut to one line of at most 120 characters, in quotes: “I was charged twice for…”. */
export function quoteMessage(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `“${line.length > QUOTE_MAX ? `${line.slice(0, QUOTE_MAX - 1).trimEnd()}…` : line}”`;
}

/** The desktop notification: who it is and what they said (plain text, never markup). */
export function alertText(kind: 'handoff' | 'message', visitorName: string, lastVisitorText: string | null) {
  return {
    title: kind === 'handoff' ? `${visitorName} needs an agent` : `New message from ${visitorName}`,
    body: lastVisitorText ? quoteMessage(lastVisitorText) : 'Open the inbox to reply.',
  };
}
