import type { AuthorKind, ConversationStatus, Message, Priority, VisitorConversation } from '@flowdesk/contract';

/** A stored message fanned out to subscribers. `internal` notes reach agents only. */
export interface MessageEvent {
  kind: 'message';
  workspaceId: string;
  message: Message;
  internal: boolean;
}

/** Status, priority, assignment or last seq of a conversation changed. */
export interface ConversationEvent {
  kind: 'conversation';
  workspaceId: string;
  conversation: {
    id: string;
    status: ConversationStatus;
    /** The bot waits for an outside call (HTTP, AI) before it says more. */
    working: boolean;
    priority: Priority | null;
    assigneeId: string | null;
    teamId: string | null;
    lastSeq: number;
  };
  /** What the conversation's visitor may see of it (sent to the visitor's sockets). */
  visitor: VisitorConversation;
}

export interface TypingEvent {
  kind: 'typing';
  workspaceId: string;
  conversationId: string;
  author: AuthorKind;
  name: string | null;
  typing: boolean;
  /** The connection that typed; it does not get its own typing back. */
  sourceConnectionId: string;
}

export interface PresenceEvent {
  kind: 'presence';
  workspaceId: string;
  userId: string;
  status: 'online' | 'away' | 'offline';
}

/** A teammate mentioned `userId` in an internal note (only that user's dashboards hear it). */
export interface MentionEvent {
  kind: 'mention';
  workspaceId: string;
  userId: string;
  conversationId: string;
  authorName: string;
  /** The visitor's name or email, to name the conversation. */
  visitorName: string | null;
  /** The note, cut short. */
  text: string;
}

/** `userId` read a conversation up to `seq` (only that user's dashboards hear it: their badges clear). */
export interface ReadEvent {
  kind: 'read';
  workspaceId: string;
  userId: string;
  conversationId: string;
  seq: number;
}

/** A bot reply being written (an AI answer streaming): the whole text so far. Best effort; the message follows. */
export interface StreamEvent {
  kind: 'stream';
  workspaceId: string;
  conversationId: string;
  /** The effect writing it. */
  streamId: string;
  text: string;
}

/**
 * A dashboard session ended or a user's rights shrank: every instance closes the matching agent sockets at once
 * (4401 `session_ended`, 4403 `rights_changed`). Carries ids only, never a token or its hash.
 */
export interface RevokeEvent {
  kind: 'revoke';
  workspaceId: string;
  userId: string;
  reason: 'session_ended' | 'rights_changed';
  /** Only this session's sockets (a logout); absent: every session of the user. */
  sessionId?: string;
  /** Every session of the user but this one (the session that changed its own password). */
  exceptSessionId?: string;
}

export type HubEvent =
  | StreamEvent
  | MessageEvent
  | ConversationEvent
  | TypingEvent
  | PresenceEvent
  | MentionEvent
  | ReadEvent
  | RevokeEvent;
export type HubListener = (event: HubEvent) => void;
