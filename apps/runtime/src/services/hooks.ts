import type { VisitorReach } from '@flowdesk/contract';
import type { EmailEffectRequest, HandoffEffectRequest, HandoffEffectResult, IntentMatch } from '@flowdesk/engine';
import type { HumanHandoffData } from '@flowdesk/flow-schema';
import type { Kysely } from 'kysely';
import type { Conversation, Database } from '../db/schema';
import type { StoredMessage } from '../repositories/messages';
import type { Services } from '.';
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
 * Extension points the feature areas fill in through their `RuntimeModule` (modules.ts): composed once by
 * `createServices` from the module list, read-only afterwards. Every hook gets the process's services
 * first. Hooks that get a `trx` run inside the conversation's transaction and must use it (never
 * `services.db`: PGlite has one connection). `after*` hooks run after commit; their errors are logged,
 * never surfaced.
 */
export type HandoffOutcomeHook = (
  services: Services,
  trx: Kysely<Database>,
  conversation: Conversation,
  request: HandoffEffectRequest,
) => Promise<HandoffOutcomeAnswer | null>;
export type OnHandoffHook = (services: Services, tx: ConversationTx, context: HandoffContext) => Promise<void>;
export type AfterHandoffHook = (services: Services, conversationId: string, context: HandoffContext) => Promise<void>;
export type MessageHook = (services: Services, tx: ConversationTx, message: StoredMessage) => Promise<void>;
export type AfterVisitorMessageHook = (services: Services, before: Conversation) => void;
export type ContactCapturedHook = (
  services: Services,
  tx: ConversationTx,
  contact: { email: string; name: string | null },
) => Promise<void>;
export type ResolvedHook = (services: Services, tx: ConversationTx) => Promise<void>;
export type SendEmailHook = (
  services: Services,
  trx: Kysely<Database>,
  conversation: Conversation,
  email: EmailEffectRequest,
) => Promise<void>;
export type ReplyTimeHook = (
  services: Services,
  db: Kysely<Database>,
  conversation: Pick<Conversation, 'workspace_id' | 'team_id'>,
) => Promise<string | null>;
export type WidgetAvailabilityHook = (
  services: Services,
  db: Kysely<Database>,
  workspaceId: string,
) => Promise<WidgetAvailability>;

/** How an agent's reply reaches the visitor, who has the chat open (`inChat`) or not. */
export type VisitorReachHook = (
  db: Kysely<Database>,
  conversation: Pick<Conversation, 'id'>,
  visitor: { email: string | null },
  inChat: boolean,
) => Promise<VisitorReach['via']>;

export interface HandoffHooks {
  /** Decides a Human Handoff block's output (office hours, online agents). First non-null answer wins; default handed_off. */
  readonly outcome: readonly HandoffOutcomeHook[];
  /** The conversation just became needs_agent (same transaction): routing, assignment, outbox rows. */
  readonly onHandoff: readonly OnHandoffHook[];
  /** After commit: slow work such as the AI summary and priority. */
  readonly afterHandoff: readonly AfterHandoffHook[];
}

export interface ConversationHooks {
  /** A visitor message was stored (same transaction), e.g. "new message in your conversation" emails. */
  readonly onVisitorMessage: readonly MessageHook[];
  /** An agent's reply to the visitor was stored (same transaction), e.g. emailed when the visitor has left. */
  readonly onAgentReply: readonly MessageHook[];
  /**
   * After a visitor message committed, with the conversation as it was when the message arrived (before
   * the bot's step): slow work that must not hold the transaction (the summary rewrite). Unlike
   * `onVisitorMessage` it keeps the message and the bot's replies in one INSERT.
   */
  readonly afterVisitorMessage: readonly AfterVisitorMessageHook[];
  /** The visitor left an email through the contact form (same transaction). */
  readonly onContactCaptured: readonly ContactCapturedHook[];
  /** An agent resolved the conversation (same transaction), e.g. the transcript email to the visitor. */
  readonly onResolved: readonly ResolvedHook[];
  /** A flow's Send email block (same transaction); without a handler the email is only recorded in the audit log. */
  readonly sendEmail: SendEmailHook | null;
  /** Human words for the expected reply time (office hours / reply time area); null shows nothing. */
  readonly replyTime: ReplyTimeHook | null;
  /** Whether the widget shows the team as available (office hours, online agents); default: anyone online. */
  readonly widgetAvailability: WidgetAvailabilityHook | null;
  /** How agent replies reach the visitor (email continuity); without one: the open chat, or when they come back. */
  readonly visitorReach: VisitorReachHook | null;
}

export interface WidgetAvailability {
  online: boolean;
  replyTime: string | null;
}
