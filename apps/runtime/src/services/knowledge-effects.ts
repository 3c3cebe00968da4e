import type { AgentTurnRequest, AnswerEffectRequest } from '@flowdesk/engine';
import { lastVisitorText } from '../ai/transcript';
import { retrievePassages } from '../knowledge/grounding';
import type { ConversationTx } from './conversation-tx';

/** The question an AI call searches its knowledge sources with: the answer's question, the agent's last visitor line. */
function questionOf(kind: 'answer' | 'agentTurn', request: AnswerEffectRequest | AgentTurnRequest): string {
  if (kind === 'answer') return (request as AnswerEffectRequest).question;
  return lastVisitorText((request as AgentTurnRequest).transcript ?? []);
}

/**
 * An AI call's request with the passages its block's knowledge sources hold for the question (searched in
 * the conversation's workspace only). Requests of blocks without sources are returned as they are.
 */
export async function withRetrieved<R extends AnswerEffectRequest | AgentTurnRequest>(
  tx: ConversationTx,
  kind: 'answer' | 'agentTurn',
  request: R,
): Promise<R> {
  const sourceIds = Array.isArray(request.knowledgeSourceIds) ? request.knowledgeSourceIds : [];
  if (sourceIds.length === 0) return request;
  const workspaceId = tx.conversation.workspace_id;
  const question = questionOf(kind, request);
  const retrieved = await retrievePassages(tx.trx, workspaceId, sourceIds, question);
  // With a key, the call (after commit) adds passages found by meaning to these (knowledge/hybrid-passages.ts).
  return { ...request, retrieved, knowledgeQuery: { workspaceId, question } };
}
