import type { KnowledgePreviewAnswer, KnowledgePreviewAnswerRequest } from '@flowdesk/contract';
import { describe, expect, test } from 'vitest';
import { refusedCall, runtimeCall, testEffects } from './test-effects';

const KNOWLEDGE = 'Shipping: orders leave our warehouse within 2 business days; delivery takes 3 to 5 days.';
const ask = { question: 'How long does shipping take?', instructions: '', knowledge: KNOWLEDGE, variables: {} };

describe("the preview's AI answer", () => {
  test("asks the runtime for an answer from the block's own knowledge text, as a live chat answers it", async () => {
    const runtime = runtimeCall<KnowledgePreviewAnswerRequest, KnowledgePreviewAnswer>({
      found: true,
      answer: KNOWLEDGE,
      citations: [],
      passages: [],
    });
    const { effects: preview, notes } = testEffects({ answerFromSources: runtime.call });
    expect(await preview.answer(ask)).toMatchObject({ found: true, answer: KNOWLEDGE });
    expect(runtime.asked).toEqual([{ question: ask.question, sourceIds: [], instructions: '', knowledge: KNOWLEDGE }]);
    expect(notes[0]!.text).toBe("AI answer from the block's knowledge, as a live chat would answer.");
  });

  test('simulates the answer, saying why, when the runtime cannot be asked', async () => {
    const { effects: preview, notes } = testEffects({
      answerFromSources: refusedCall('Too many preview answers; try again in 20 s'),
    });
    const result = await preview.answer({ ...ask, question: 'When do orders leave the warehouse?' });
    expect(result).toMatchObject({ found: true, answer: KNOWLEDGE });
    expect(notes[0]!.text).toContain('simulated');
    expect(notes[0]!.text).toContain('the runtime could not be asked: Too many preview answers');
  });
});
