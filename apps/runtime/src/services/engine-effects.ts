import type {
  AgentTurnResult,
  AnswerEffectResult,
  ClassifyIntentResult,
  EngineEffects,
  HandoffEffectRequest,
  HttpEffectResult,
} from '@flowdesk/engine';
import type { Services } from '.';
import type { ConversationTx } from './conversation-tx';
import { callExternal } from './external-effects';
import type { FollowUpMark } from './follow-up';
import { withRetrieved } from './knowledge-effects';

const OFFLINE_EVENT = {
  type: 'event',
  kind: 'offline',
  text: 'Nobody could take the handoff (outside office hours or no agent online)',
} as const;

/**
 * The engine's effects for one step of one conversation. Local ones (handoff, email) run inside the
 * conversation's transaction, so database work uses `tx.trx`; external ones run here only when they do
 * not leave the process (`leavesProcess`), the others are deferred to the effect runner.
 */
export function createEngineEffects(
  services: Services,
  tx: ConversationTx,
  offline: (request: HandoffEffectRequest, followUp: FollowUpMark | undefined) => void = () => {},
): EngineEffects {
  const call = { workspaceId: tx.conversation.workspace_id };
  return {
    http: (request) => callExternal(services, 'http', request, call) as Promise<HttpEffectResult>,
    // Run here only when they stay in the process (offline): the sources are searched in this transaction.
    answer: async (request) =>
      callExternal(services, 'answer', await withRetrieved(tx, 'answer', request), call) as Promise<AnswerEffectResult>,
    agentTurn: async (request) =>
      callExternal(
        services,
        'agentTurn',
        await withRetrieved(tx, 'agentTurn', request),
        call,
      ) as Promise<AgentTurnResult>,
    classifyIntent: (request) =>
      callExternal(services, 'classifyIntent', request, call) as Promise<ClassifyIntentResult>,
    handoff: async (request) => {
      for (const decide of services.handoffHooks.outcome) {
        const decision = await decide(services, tx.trx, tx.conversation, request);
        if (decision?.outcome === 'offline') {
          // Agents see why nobody picked it up; the widget offers its email form unless the flow asks itself.
          await tx.append([{ author: 'system', content: OFFLINE_EVENT }]);
          offline(request, decision.followUp);
        }
        if (decision) return { outcome: decision.outcome, ...(decision.message ? { message: decision.message } : {}) };
      }
      return { outcome: 'handed_off' };
    },
    sendEmail: async (email) => {
      if (services.conversationHooks.sendEmail) {
        await services.conversationHooks.sendEmail(services, tx.trx, tx.conversation, email);
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
