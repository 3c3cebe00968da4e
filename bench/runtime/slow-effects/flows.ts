import { ask, flowDocument, say, start } from '../../../apps/runtime/test/fixtures/flow-builder';
import type { FlowDocumentInput } from '../../../packages/flow-schema/src';

/** start → capture q → GET <api>/x?q={{q}} (10 s) → "done {{echo}}" (error: "failed {{q}}") → capture again. */
export function httpFlow(apiUrl: string): FlowDocumentInput {
  return flowDocument({
    id: 'slow-http',
    name: 'Slow HTTP',
    variables: [{ name: 'q' }, { name: 'echo' }],
    blocks: [
      start(),
      ask('ask', 'Question?', 'q'),
      {
        id: 'lookup',
        type: 'http_request',
        data: { url: `${apiUrl}/x?q={{q}}`, timeoutMs: 10_000, responseMapping: [{ path: 'echo', variable: 'echo' }] },
      },
      say('done', 'done {{echo}}'),
      say('failed', 'failed {{q}}'),
    ],
    wires: [
      'start -> ask -> lookup',
      'lookup.success -> done',
      'lookup.error -> failed',
      'done -> ask',
      'failed -> ask',
    ],
  });
}

/** start → capture → AI answer from a knowledge text (answered / not found) → capture again. No intent triggers. */
export function aiFlow(): FlowDocumentInput {
  return flowDocument({
    id: 'slow-ai',
    name: 'Slow AI',
    variables: [{ name: 'question' }],
    blocks: [
      start(),
      ask('ask', 'Ask me', 'question'),
      { id: 'answer', type: 'ai_answer', data: { knowledge: 'The shop opens at nine every day and closes at six.' } },
    ],
    wires: ['start -> ask -> answer', 'answer.answered -> ask', 'answer.not_found -> ask'],
  });
}
