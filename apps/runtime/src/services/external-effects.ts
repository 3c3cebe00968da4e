import type {
  AgentTurnRequest,
  AnswerEffectRequest,
  ClassifyIntentRequest,
  ExternalEffectKind,
  HttpEffectRequest,
} from '@flowdesk/engine';
import type { AiProvider, TranscriptLine } from '../ai/provider';
import { lastVisitorText } from '../ai/transcript';
import { citationsFor, groundedKnowledge, nothingToAnswerFrom } from '../knowledge/grounding';
import { type HybridGrounded, withVectorPassages } from '../knowledge/hybrid-passages';
import { answerFromPassages } from '../knowledge/passage-answer';
import { workspaceEmbedder } from '../knowledge/workspace-embedder';
import type { Services } from '.';
import { guardedRequest } from './guarded-http';

/**
 * What the runtime adds to an AI answer's request when it records the effect: the recent chat, and the
 * passages found in the block's knowledge sources.
 */
export type AnswerCall = AnswerEffectRequest & HybridGrounded & { transcript?: TranscriptLine[] };
/** An agent turn with the passages found for the visitor's last message. */
export type AgentTurnCall = AgentTurnRequest & HybridGrounded;

/**
 * With a key, the passages found lexically in the step are fused with those found by meaning (embeddings): the
 * question is embedded here, with no database held, then one short read. An offline provider answers inside the
 * step's transaction, so it gets the request as it is (never a network call or a second connection there).
 */
function byMeaning<R extends HybridGrounded>(services: Services, ai: AiProvider, request: R): Promise<R> {
  const workspaceId = request.knowledgeQuery?.workspaceId;
  if (ai.name === 'offline' || !workspaceId) return Promise.resolve(request);
  return withVectorPassages(services.db, workspaceEmbedder(services, workspaceId), request);
}

/**
 * The passage answer for an agent's last visitor line, as an AI answer block gives it offline: the offline agent
 * (and the offline fallback of a model) says it instead of searching the passages joined into one text.
 */
function sourcedAnswer(turn: AgentTurnCall): { sourcedAnswer?: string } {
  const question = lastVisitorText(turn.transcript);
  if (!turn.retrieved?.length || !question.trim()) return {};
  const quoted = answerFromPassages(question, turn.retrieved);
  return quoted.found ? { sourcedAnswer: quoted.answer } : {};
}

export interface ExternalCallOptions {
  /** Whose AI settings answer (the conversation's workspace). */
  workspaceId: string;
  /** The effect's id: sent as `Idempotency-Key` by HTTP blocks so a remote can de-duplicate a re-run. */
  effectId?: string;
  /** AI answers: the whole text so far, each time it grows. */
  onText?: (textSoFar: string) => void;
}

/**
 * Whether the runtime runs an effect after the step, with no database held: HTTP always; AI calls
 * when they leave the process (a model behind an API key). The offline AI is CPU-only and answers in
 * the step, so a conversation without a key behaves exactly as before.
 */
export function leavesProcess(services: Services, kind: ExternalEffectKind, workspaceId: string): boolean {
  return kind === 'http' || services.aiFor(workspaceId).name !== 'offline';
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name.toLowerCase());
}

/** Calls one external effect. Never holds the database (AI calls with sources and a key: one short read). */
export function callExternal(
  services: Services,
  kind: ExternalEffectKind,
  request: unknown,
  options: ExternalCallOptions,
): Promise<unknown> {
  const { config } = services;
  const ai = services.aiFor(options.workspaceId);
  switch (kind) {
    case 'http': {
      const http = request as HttpEffectRequest;
      const idempotency: Record<string, string> =
        options.effectId && !hasHeader(http.headers, 'idempotency-key') ? { 'Idempotency-Key': options.effectId } : {};
      return guardedRequest({
        ...http,
        headers: { ...idempotency, ...http.headers },
        timeoutMs: Math.min(http.timeoutMs, config.HTTP_BLOCK_TIMEOUT_MS),
        maxBytes: config.HTTP_BLOCK_MAX_BYTES,
        allowPrivate: config.HTTP_BLOCK_ALLOW_PRIVATE,
      });
    }
    case 'answer':
      return byMeaning(services, ai, request as AnswerCall).then((answer) =>
        answerFromKnowledge(services, answer, options),
      );
    case 'agentTurn': {
      return byMeaning(services, ai, request as AgentTurnCall).then((turn) =>
        ai
          .agentTurn({
            instructions: turn.instructions,
            knowledge: groundedKnowledge(turn.knowledge, turn.retrieved),
            handoff: turn.handoff,
            transcript: turn.transcript,
            gathered: turn.gathered,
            ...sourcedAnswer(turn),
          })
          .then((result) => {
            if (!('reply' in result) || !turn.retrieved?.length) return result;
            const citations = citationsFor(result.reply, turn.retrieved, { orBest: false });
            // The same object: which provider wrote it is remembered by identity (answeredBy).
            return citations.length > 0 ? Object.assign(result, { citations }) : result;
          }),
      );
    }
    case 'classifyIntent': {
      const classify = request as ClassifyIntentRequest;
      return ai.classifyIntent({
        text: classify.text,
        intents: classify.intents.map((intent) => ({
          id: intent.id,
          name: intent.name,
          description: intent.description,
          phrases: intent.phrases,
        })),
      });
    }
  }
}

/**
 * An AI answer from the block's text and the passages found in its sources, naming the sources it used.
 * With sources chosen and nothing found, the answer is "not found" and the model is not asked.
 */
export async function answerFromKnowledge(services: Services, answer: AnswerCall, options: ExternalCallOptions) {
  if (nothingToAnswerFrom(answer)) return { found: false, answer: '' };
  const ai = services.aiFor(options.workspaceId);
  if (ai.name === 'offline' && answer.retrieved?.length) {
    // Offline: the best passage, as whole readable sentences; the block's own text is the second chance.
    const quoted = answerFromPassages(answer.question, answer.retrieved);
    if (quoted.found && quoted.passage)
      return { found: true, answer: quoted.answer, citations: citationsFor(quoted.answer, [quoted.passage]) };
    if (!answer.knowledge.trim()) return { found: false, answer: '' };
    return ai.answer({
      question: answer.question,
      instructions: answer.instructions,
      knowledge: answer.knowledge,
    });
  }
  const result = await ai.answer(
    {
      question: answer.question,
      instructions: answer.instructions,
      knowledge: groundedKnowledge(answer.knowledge, answer.retrieved),
      ...(answer.transcript ? { transcript: answer.transcript } : {}),
    },
    options.onText ? { onText: options.onText } : undefined,
  );
  if (!result.found || !answer.retrieved?.length) return result;
  const citations = citationsFor(result.answer, answer.retrieved);
  return citations.length > 0 ? Object.assign(result, { citations }) : result;
}

/** A streamed answer may keep writing this many AI timeouts long (the provider bounds each silence). */
const STREAMED_ANSWER_TIMEOUTS = 6;
/** Time for the offline provider to answer after the model timed out. */
const FALLBACK_MS = 2000;

/** How long an effect may take before its block's error path is taken. */
export function effectTimeoutMs(services: Services, kind: ExternalEffectKind, request: unknown): number {
  const { config } = services;
  if (kind === 'http') return Math.min((request as HttpEffectRequest).timeoutMs, config.HTTP_BLOCK_TIMEOUT_MS);
  if (kind === 'answer') return config.AI_TIMEOUT_MS * STREAMED_ANSWER_TIMEOUTS + FALLBACK_MS;
  return config.AI_TIMEOUT_MS + FALLBACK_MS;
}
