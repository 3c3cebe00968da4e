import type { FlowDocumentInput } from '../../../packages/flow-schema/src';

const at = { x: 0, y: 0 };
const say = (id: string, text: string) => ({
  id,
  type: 'message' as const,
  position: at,
  data: { content: { type: 'text' as const, text } },
});

/** start → capture q → GET <api>/x?q={{q}} (10 s) → "done {{echo}}" (error: "failed {{q}}") → capture again. */
export function httpFlow(apiUrl: string): FlowDocumentInput {
  return {
    schemaVersion: 1,
    id: 'slow-http',
    name: 'Slow HTTP',
    variables: [{ name: 'q' }, { name: 'echo' }],
    blocks: [
      { id: 'start', type: 'start', position: at, data: {} },
      { id: 'ask', type: 'capture', position: at, data: { prompt: 'Question?', inputType: 'text', saveAs: 'q' } },
      {
        id: 'lookup',
        type: 'http_request',
        position: at,
        data: { url: `${apiUrl}/x?q={{q}}`, timeoutMs: 10_000, responseMapping: [{ path: 'echo', variable: 'echo' }] },
      },
      say('done', 'done {{echo}}'),
      say('failed', 'failed {{q}}'),
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
      { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'lookup' },
      { id: 'e3', source: 'lookup', sourceHandle: 'success', target: 'done' },
      { id: 'e4', source: 'lookup', sourceHandle: 'error', target: 'failed' },
      { id: 'e5', source: 'done', sourceHandle: 'next', target: 'ask' },
      { id: 'e6', source: 'failed', sourceHandle: 'next', target: 'ask' },
    ],
  };
}

/** start → capture → AI answer from a knowledge text (answered / not found) → capture again. No intent triggers. */
export function aiFlow(): FlowDocumentInput {
  return {
    schemaVersion: 1,
    id: 'slow-ai',
    name: 'Slow AI',
    variables: [{ name: 'question' }],
    blocks: [
      { id: 'start', type: 'start', position: at, data: {} },
      {
        id: 'ask',
        type: 'capture',
        position: at,
        data: { prompt: 'Ask me', inputType: 'text', saveAs: 'question' },
      },
      {
        id: 'answer',
        type: 'ai_answer',
        position: at,
        data: { knowledge: 'The shop opens at nine every day and closes at six.' },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
      { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'answer' },
      { id: 'e3', source: 'answer', sourceHandle: 'answered', target: 'ask' },
      { id: 'e4', source: 'answer', sourceHandle: 'not_found', target: 'ask' },
    ],
  };
}
