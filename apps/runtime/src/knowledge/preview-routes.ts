import {
  KnowledgePreviewAgentTurn,
  KnowledgePreviewAgentTurnRequest,
  KnowledgePreviewAnswer,
  KnowledgePreviewAnswerRequest,
} from '@flowdesk/contract';
import type { AgentTurnResult } from '@flowdesk/engine';
import type { Context } from 'hono';
import { answeredBy } from '../ai';
import { lastVisitorText } from '../ai/transcript';
import { type AppEnv, createRouter } from '../http/env';
import { requireAdmin } from '../http/middleware/auth';
import { enforce } from '../http/middleware/public-rate-limit';
import { errorsOf, jsonResponse, routesUnder, takes } from '../http/schemas';
import { requireUserOn } from '../http/signed-in-routes';
import type { Services } from '../services';
import { type AgentTurnCall, answerFromKnowledge, callExternal } from '../services/external-effects';
import { retrievePassages } from './grounding';
import { withVectorPassages } from './hybrid-passages';
import { workspaceEmbedder } from './workspace-embedder';

const route = routesUnder('/api/admin/knowledge', 'Knowledge');
const previewAnswer = route('post', '/preview-answer', takes({ body: KnowledgePreviewAnswerRequest }), {
  summary:
    "What an AI answer block would say from these sources and its own knowledge text, and the passages it used (the builder's preview)",
  responses: { 200: jsonResponse(KnowledgePreviewAnswer, 'Answer'), ...errorsOf(400, 401, 403, 429) },
});
const previewAgentTurn = route('post', '/preview-agent-turn', takes({ body: KnowledgePreviewAgentTurnRequest }), {
  summary: "What an AI agent block would say next in this chat, and the passages it used (the builder's preview)",
  responses: { 200: jsonResponse(KnowledgePreviewAgentTurn, 'The next turn'), ...errorsOf(400, 401, 403, 429) },
});

/** Each preview may call the model: per admin, in the shared store, so several instances share one budget. */
export const KNOWLEDGE_PREVIEW_LIMIT_PER_MINUTE = 30;

/**
 * The builder's preview of an AI answer from knowledge sources and the block's own text: the same search and answer
 * as a live chat (the search is one short read; the model, when a key is set, is called with no database held).
 * Stores nothing.
 */
export function knowledgePreviewRoutes(services: Services) {
  const router = createRouter();
  requireUserOn(router, services, previewAnswer, previewAgentTurn);
  /** An admin's preview, counted against their budget: the workspace it answers in. */
  const admitted = async (c: Context<AppEnv>) => {
    const { workspaceId, id } = requireAdmin(c);
    const wait = await services.limits.hit('knowledge-preview', id, KNOWLEDGE_PREVIEW_LIMIT_PER_MINUTE, 60_000);
    enforce(c, { wait, message: 'Too many preview answers' });
    return workspaceId;
  };
  router.openapi(previewAnswer, async (c) => {
    const workspaceId = await admitted(c);
    const body = c.req.valid('json');
    const lexical = await retrievePassages(services.db, workspaceId, body.sourceIds, body.question);
    // As in a live chat: the words' ranking completed by meaning when the workspace has a key (nothing held).
    const request = await withVectorPassages(services.db, workspaceEmbedder(services, workspaceId), {
      question: body.question,
      instructions: body.instructions,
      knowledge: body.knowledge,
      knowledgeSourceIds: body.sourceIds,
      retrieved: lexical,
      knowledgeQuery: { workspaceId, question: body.question },
      variables: {},
    });
    const retrieved = request.retrieved ?? [];
    const result = await answerFromKnowledge(services, request, { workspaceId });
    const citations = 'citations' in result && Array.isArray(result.citations) ? result.citations : [];
    return c.json(
      {
        found: result.found,
        answer: result.found ? result.answer : '',
        citations: result.found ? citations : [],
        passages: retrieved.map(({ title, url, text }) => ({ title, url, text })),
      },
      200,
    );
  });
  router.openapi(previewAgentTurn, async (c) => {
    const workspaceId = await admitted(c);
    const body = c.req.valid('json');
    // As in a live chat (services/knowledge-effects.ts): the sources are searched with the visitor's last line.
    const question = lastVisitorText(body.transcript);
    const lexical = await retrievePassages(services.db, workspaceId, body.knowledgeSourceIds, question);
    const { knowledgeQuery: _searched, ...call }: AgentTurnCall = await withVectorPassages(
      services.db,
      workspaceEmbedder(services, workspaceId),
      { ...body, variables: {}, retrieved: lexical, knowledgeQuery: { workspaceId, question } },
    );
    // Without knowledgeQuery the call does not search by meaning a second time.
    const turn = (await callExternal(services, 'agentTurn', call, { workspaceId })) as AgentTurnResult;
    const passages = (call.retrieved ?? []).map(({ title, url, text }) => ({ title, url, text }));
    return c.json({ turn, passages, provider: answeredBy(services.aiFor(workspaceId), turn) }, 200);
  });
  return router;
}
