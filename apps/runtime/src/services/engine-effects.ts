import type { EngineEffects } from '@flowdesk/engine';
import type { Services } from '.';
import type { ConversationTx } from './conversation-tx';
import { guardedRequest } from './guarded-http';

const OFFLINE_EVENT = {
  type: 'event',
  kind: 'offline',
  text: 'Nobody could take the handoff (outside office hours or no agent online)',
} as const;

/**
 * The engine's effects for one step of one conversation. They run inside the conversation's
 * transaction, so database work uses `tx.trx`.
 */
export function createEngineEffects(services: Services, tx: ConversationTx): EngineEffects {
  const { config } = services;
  return {
    http: (request) =>
      guardedRequest({
        ...request,
        timeoutMs: Math.min(request.timeoutMs, config.HTTP_BLOCK_TIMEOUT_MS),
        maxBytes: config.HTTP_BLOCK_MAX_BYTES,
        allowPrivate: config.HTTP_BLOCK_ALLOW_PRIVATE,
      }),
    answer: (request) =>
      services.ai.answer({
        question: request.question,
        instructions: request.instructions,
        knowledge: request.knowledge,
      }),
    agentTurn: (request) =>
      services.ai.agentTurn({
        instructions: request.instructions,
        knowledge: request.knowledge,
        handoff: request.handoff,
        transcript: request.transcript,
        gathered: request.gathered,
      }),
    classifyIntent: (request) =>
      services.ai.classifyIntent({
        text: request.text,
        intents: request.intents.map((intent) => ({
          id: intent.id,
          name: intent.name,
          description: intent.description,
          phrases: intent.phrases,
        })),
      }),
    handoff: async (request) => {
      for (const decide of services.handoffHooks.outcome) {
        const decision = await decide(tx.trx, tx.conversation, request);
        if (decision?.outcome === 'offline') {
          // Agents see why nobody picked it up; the widget offers its email form unless the flow asks itself.
          await tx.append([{ author: 'system', content: OFFLINE_EVENT }]);
        }
        if (decision) return decision;
      }
      return { outcome: 'handed_off' };
    },
    sendEmail: async (email) => {
      if (services.conversationHooks.sendEmail) {
        await services.conversationHooks.sendEmail(tx.trx, tx.conversation, email);
        return;
      }
      await tx.trx
        .insertInto('events')
        .values({
          workspace_id: tx.conversation.workspace_id,
          actor_kind: 'bot',
          actor_id: null,
          action: 'flow.send_email',
          target_type: 'conversation',
          target_id: tx.conversation.id,
          data: JSON.stringify({ to: email.to, subject: email.subject }),
        })
        .execute();
    },
  };
}
