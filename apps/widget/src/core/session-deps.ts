import type { Message, VisitorConversation } from '@flowdesk/contract';
import type { PublicApi } from './api-client';
import type { KeyValueStore } from './store';

/** What a ChatSession is given (its API, storage, socket address) and tells its view. */

/** What a session keeps in the visitor's storage between page loads. */
export interface Saved {
  visitorToken?: string;
  conversationId?: string;
}

export interface SessionEvents {
  /** Anything visible changed: status, settings, connection, typing, the timeline. */
  changed(): void;
  /** Messages new to this tab, in seq order (visitor's own included). */
  added(messages: Message[]): void;
  transition(kind: 'handoff' | 'resolved', conversation: VisitorConversation): void;
}

export interface SessionDeps {
  api: PublicApi;
  store: KeyValueStore;
  botId: string;
  wsUrl: (token: string) => string;
  events: SessionEvents;
  /** An email link's token: exchanged once for a token that opens that conversation here. */
  continueToken?: string;
}
