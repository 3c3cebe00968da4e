import type { MessageContent } from '@flowdesk/contract';
import { type EffectOutcome, type EngineInput, pendingEffect, type VisitorContent } from '@flowdesk/engine';
import type { Bot, Conversation, ConversationChannelColumn, JsonObject, Visitor } from '../db/schema';
import { NotFoundError } from '../errors';
import { findLiveVersion } from '../flows/versions-repository';
import { insertConversation } from '../repositories/conversations';
import { findMessageByClientId, type StoredMessage, toMessage } from '../repositories/messages';
import { mayOpen } from '../repositories/visitor-scope';
import type { Services } from '.';
import { queuedInputs } from './conversation-effects';
import { beginHandoff } from './conversation-handoff';
import { reopen, repliesTo } from './conversation-history';
import { stepOnce } from './conversation-step';
import { type ConversationTx, withConversation } from './conversation-tx';
import { botHolds, type FollowUpMark, followUpColumns } from './follow-up';
import type { HandoffContext } from './hooks';

export interface VisitorMessageResult {
  message: StoredMessage;
  replies: StoredMessage[];
  conversation: Conversation;
  duplicate: boolean;
}

/**
 * The message a retried send stored before, found by the clientId given to withConversation; looked up only
 * when the lock could not rule it out.
 */
async function storedBefore(tx: ConversationTx, clientId: string | undefined): Promise<StoredMessage | undefined> {
  if (!clientId || tx.clientIdStored === false) return undefined;
  const existing = await findMessageByClientId(tx.trx, tx.conversation.id, clientId);
  return existing && toMessage(existing);
}

/** Runs conversations: visitor messages, bot steps, handoffs. Every change is one transaction per conversation. */
export class ConversationService {
  /** `services` resolves the process's services when used: they hold this service (see createServices). */
  constructor(private readonly resolveServices: () => Services) {}

  private get services(): Services {
    return this.resolveServices();
  }

  /** A new conversation on the bot's live flow version; the bot greets at once unless the flow waits for the visitor. */
  async start(
    bot: Bot,
    visitor: Visitor,
    variables: JsonObject,
    channel: ConversationChannelColumn = 'widget',
  ): Promise<Conversation> {
    const version = await findLiveVersion(this.services.db, bot.id);
    const created = await insertConversation(this.services.db, {
      workspaceId: bot.workspace_id,
      botId: bot.id,
      visitorId: visitor.id,
      flowVersionId: version?.id ?? null,
      variables,
      channel,
    });
    if (!version) return created;
    const welcome = this.services.flows.get(version).doc.settings.welcome;
    const input: EngineInput =
      welcome === 'on_open' ? { type: 'start', variables } : { type: 'set_variables', variables };
    return withConversation(this.services, created.id, async (tx) => {
      await this.runStep(tx, input);
      return tx.conversation;
    });
  }

  /**
   * Stores a visitor message once per clientId, lets the bot answer when it holds the conversation. The
   * conversation is reached through `channel` from now on (its facts record it).
   */
  async visitorMessage(
    conversationId: string,
    visitor: Visitor,
    input: { clientId: string; content: VisitorContent; channel?: ConversationChannelColumn },
  ): Promise<VisitorMessageResult> {
    return withConversation(
      this.services,
      conversationId,
      async (tx) => {
        if (!mayOpen(visitor, tx.conversation)) throw new NotFoundError('Conversation');
        const existing = await storedBefore(tx, input.clientId);
        if (existing) return { ...(await repliesTo(tx, existing)), duplicate: true };

        if (input.channel && tx.conversation.channel !== input.channel) await tx.update({ channel: input.channel });
        if (tx.conversation.status === 'resolved') await reopen(tx);
        // Written with the bot's replies (one INSERT), unless a hook may read it back first.
        const hooks = this.services.conversationHooks.onVisitorMessage;
        const [message] = await tx.append(
          [{ author: 'visitor', authorName: visitor.name, content: input.content, clientId: input.clientId }],
          { defer: hooks.length === 0 },
        );
        for (const hook of hooks) await hook(this.services, tx, message!);
        const before = tx.conversation;
        for (const hook of this.services.conversationHooks.afterVisitorMessage)
          tx.afterCommit(() => hook(this.services, before));
        const replies = botHolds(tx.conversation)
          ? await this.runStep(tx, { type: 'visitor_message', content: input.content })
          : [];
        return { message: message!, replies, conversation: tx.conversation, duplicate: false };
      },
      { clientId: input.clientId },
    );
  }

  /** Sends an outside event to the bot (hand back, go to a block, set variables, no-agent timeout). */
  async engineEvent(conversationId: string, input: EngineInput, options: { resumeBot?: boolean } = {}) {
    const result = await this.engineEventIf(conversationId, input, { ...options, when: () => true });
    return result!;
  }

  /**
   * `engineEvent` when `when` holds under the conversation's lock; otherwise nothing changes and it answers null.
   * `followUp` keeps the conversation in the queue, waiting for follow-up, while the bot runs (no-agent timeout).
   */
  async engineEventIf(
    conversationId: string,
    input: EngineInput,
    options: { resumeBot?: boolean; followUp?: FollowUpMark; when: (conversation: Conversation) => boolean },
  ) {
    return withConversation(this.services, conversationId, async (tx) => {
      if (!options.when(tx.conversation)) return null;
      if (options.followUp) await tx.update(followUpColumns(options.followUp));
      else if (options.resumeBot && tx.conversation.status !== 'bot') {
        await tx.update({ status: 'bot', resolved_at: null });
      }
      const replies = await this.runStep(tx, input);
      return { replies, conversation: tx.conversation };
    });
  }

  /**
   * An agent's reply (or internal note). A reply to a waiting conversation makes the agent hold it;
   * the first reply after a handoff records the first response time.
   */
  async agentMessage(
    conversationId: string,
    agent: { id: string; name: string },
    content: MessageContent,
    options: { internal?: boolean; clientId?: string } = {},
  ) {
    return withConversation(
      this.services,
      conversationId,
      async (tx) => {
        const existing = await storedBefore(tx, options.clientId);
        if (existing) return { message: existing, conversation: tx.conversation, duplicate: true };
        const internal = options.internal ?? content.type === 'note';
        const [message] = await tx.append([
          {
            author: 'agent',
            authorId: agent.id,
            authorName: agent.name,
            content,
            internal,
            clientId: options.clientId,
          },
        ]);
        if (!internal) {
          const conversation = tx.conversation;
          await tx.update({
            ...(conversation.status === 'agent' ? {} : { status: 'agent', resolved_at: null }),
            ...(conversation.assignee_id ? {} : { assignee_id: agent.id }),
            ...(conversation.first_response_at || !conversation.handed_off_at ? {} : { first_response_at: new Date() }),
          });
        }
        return { message: message!, conversation: tx.conversation, duplicate: false };
      },
      { clientId: options.clientId },
    );
  }

  /** Hands a conversation to humans outside a flow step (AI agent action, agent takeover). */
  async handoff(conversationId: string, context: HandoffContext) {
    return withConversation(this.services, conversationId, async (tx) => {
      await this.beginHandoff(tx, context);
      return tx.conversation;
    });
  }

  /** Inside a conversation transaction: status needs_agent, timeline event, hooks now and after commit. */
  async beginHandoff(tx: ConversationTx, context: HandoffContext) {
    return beginHandoff(this.services, tx, context);
  }

  /**
   * The result of an external effect, applied once: the effect's row is removed in the same transaction
   * and the flow continues only when the conversation still waits for exactly this effect with the bot
   * holding it (an agent took over, the flow moved on or restarted: the result is dropped, nothing said).
   */
  async applyEffect(conversationId: string, effectId: string, outcome: EffectOutcome): Promise<boolean> {
    return withConversation(
      this.services,
      conversationId,
      async (tx) => {
        if (!tx.effectStored) return false;
        // Removed with the step's conversation update (one statement), or alone when the result is dropped.
        tx.removeEffect(effectId);
        const pending = pendingEffect(tx.conversation.engine_snapshot);
        if (pending?.id !== effectId || !botHolds(tx.conversation)) return false;
        await this.runStep(tx, { type: 'effect_result', effectId, result: outcome });
        return true;
      },
      { effectId },
    );
  }

  /**
   * One engine step: bot messages stored, snapshot and status saved, handoff begun, an external effect
   * recorded for the runner. Then visitor messages that waited for the bot run, in order. Returns the
   * bot's messages.
   */
  private async runStep(tx: ConversationTx, input: EngineInput): Promise<StoredMessage[]> {
    const replies = await stepOnce(this.services, tx, input);
    let queued = queuedInputs(tx);
    while (queued.length > 0 && !pendingEffect(tx.conversation.engine_snapshot)) {
      const [next, ...rest] = queued;
      // Messages written to a person are theirs: the bot does not answer them when it gets the chat back.
      await tx.update({ queued_inputs: JSON.stringify(botHolds(tx.conversation) ? rest : []) });
      if (!botHolds(tx.conversation)) break;
      replies.push(...(await stepOnce(this.services, tx, next!)));
      queued = queuedInputs(tx);
    }
    return replies;
  }
}
