import type { EmailEffectRequest, HandoffEffectRequest, HandoffEffectResult, IntentMatch } from '@flowdesk/engine';
import type { HumanHandoffData } from '@flowdesk/flow-schema';
import type { Kysely } from 'kysely';
import type { Conversation, Database } from '../db/schema';
import type { StoredMessage } from '../repositories/messages';
import type { ConversationTx } from './conversation-tx';
import type { FollowUpMark } from './follow-up';

/** Why a conversation went to a human. */
export type HandoffReason = 'flow' | 'intent' | 'ai_agent' | 'takeover';

export interface HandoffContext {
  reason: HandoffReason;
  /** The Human Handoff block (null for a takeover or an AI-agent handoff without one). */
  blockId: string | null;
  settings: HumanHandoffData | null;
  /** Nobody was there to take it: the conversation waits for follow-up (see follow-up.ts). */
  followUp?: FollowUpMark;
  /** The intent matched in the flow step that handed off (recorded on the handoff fact). */
  intent?: IntentMatch | undefined;
}

/** A Human Handoff block's outcome, and for `offline` why nobody can take it now. */
export type HandoffOutcomeAnswer = HandoffEffectResult & { followUp?: FollowUpMark };

/**
 * Extension points other areas fill in at start-up (push into the arrays). Hooks that get a `trx`
 * run inside the conversation's transaction and must use it (never `services.db`: PGlite has one
 * connection). `after*` hooks run after commit; their errors are logged, never surfaced.
 */
export interface HandoffHooks {
  /** Decides a Human Handoff block's output (office hours, online agents). First non-null answer wins; default handed_off. */
  outcome: Array<
    (
      trx: Kysely<Database>,
      conversation: Conversation,
      request: HandoffEffectRequest,
    ) => Promise<HandoffOutcomeAnswer | null>
  >;
  /** The conversation just became needs_agent (same transaction): routing, assignment, outbox rows. */
  onHandoff: Array<(tx: ConversationTx, context: HandoffContext) => Promise<void>>;
  /** After commit: slow work such as the AI summary and priority. */
  afterHandoff: Array<(conversationId: string, context: HandoffContext) => Promise<void>>;
}

export interface ConversationHooks {
  /** A visitor message was stored (same transaction), e.g. "new message in your conversation" emails. */
  onVisitorMessage: Array<(tx: ConversationTx, message: StoredMessage) => Promise<void>>;
  /** An agent's reply to the visitor was stored (same transaction), e.g. emailed when the visitor has left. */
  onAgentReply: Array<(tx: ConversationTx, message: StoredMessage) => Promise<void>>;
  /**
   * After a visitor message committed, with the conversation as it was when the message arrived (before
   * the bot's step): slow work that must not hold the transaction (the summary rewrite). Unlike
   * `onVisitorMessage` it keeps the message and the bot's replies in one INSERT.
   */
  afterVisitorMessage: Array<(before: Conversation) => void>;
  /** The visitor left an email through the contact form (same transaction). */
  onContactCaptured: Array<(tx: ConversationTx, contact: { email: string; name: string | null }) => Promise<void>>;
  /** An agent resolved the conversation (same transaction), e.g. the transcript email to the visitor. */
  onResolved: Array<(tx: ConversationTx) => Promise<void>>;
  /** A flow's Send email block (same transaction); without a handler the email is only recorded in the audit log. */
  sendEmail: ((trx: Kysely<Database>, conversation: Conversation, email: EmailEffectRequest) => Promise<void>) | null;
  /** Human words for the expected reply time (office hours / reply time area); null shows nothing. */
  replyTime:
    | ((db: Kysely<Database>, conversation: Pick<Conversation, 'workspace_id' | 'team_id'>) => Promise<string | null>)
    | null;
  /** Whether the widget shows the team as available (office hours, online agents); default: anyone online. */
  widgetAvailability: ((db: Kysely<Database>, workspaceId: string) => Promise<WidgetAvailability>) | null;
}

export interface WidgetAvailability {
  online: boolean;
  replyTime: string | null;
}

export const createHandoffHooks = (): HandoffHooks => ({ outcome: [], onHandoff: [], afterHandoff: [] });
export const createConversationHooks = (): ConversationHooks => ({
  onVisitorMessage: [],
  onAgentReply: [],
  afterVisitorMessage: [],
  onContactCaptured: [],
  onResolved: [],
  sendEmail: null,
  replyTime: null,
  widgetAvailability: null,
});
