import { describe, expect, test } from 'vitest';
import { compileFlow } from '../compile';
import type { AnswerEffectRequest, EngineEffects } from '../effects';
import { conversation } from '../testing/conversation';
import { fakeEffects } from '../testing/fake-effects';
import { ask, tinyFlow } from '../testing/tiny-flow';

const flowWith = (data: Record<string, unknown>) =>
  tinyFlow(
    [
      ask('question', 'Your question?', 'question'),
      { id: 'ask', type: 'ai_answer', data },
      { id: 'human', type: 'human_handoff', data: { confirmationMessage: 'A person will help you.' } },
    ],
    [
      ['question', 'next', 'ask'],
      ['ask', 'not_found', 'human'],
    ],
  );

function answering(result: Awaited<ReturnType<EngineEffects['answer']>>) {
  const requests: AnswerEffectRequest[] = [];
  const effects: EngineEffects = {
    ...fakeEffects(),
    answer: async (request) => {
      requests.push(request);
      return result;
    },
  };
  return { effects, requests };
}

describe('ai_answer with knowledge sources', () => {
  test('the chosen sources go to the host; its citations are said under the answer (invalid ones dropped)', async () => {
    const { effects, requests } = answering({
      found: true,
      answer: 'Refunds take 5 days.',
      citations: [
        { title: 'Refund policy', url: 'https://help.example/refunds' },
        { title: 'Terms' },
        { title: 'Bad', url: 'javascript:alert(1)' },
      ],
    });
    const chat = conversation(compileFlow(flowWith({ knowledgeSourceIds: ['src-1', 'src-2'] })), effects);
    await chat.start();
    const result = await chat.say('How long do refunds take?');
    expect(requests[0]).toMatchObject({
      question: 'How long do refunds take?',
      knowledgeSourceIds: ['src-1', 'src-2'],
    });
    expect(result.outputs).toEqual([
      {
        type: 'text',
        text: 'Refunds take 5 days.',
        citations: [{ title: 'Refund policy', url: 'https://help.example/refunds' }, { title: 'Terms' }],
      },
    ]);
  });

  test('no sources chosen: the request carries none and a plain answer has no citations field', async () => {
    const { effects, requests } = answering({ found: true, answer: 'Yes.' });
    const chat = conversation(compileFlow(flowWith({ knowledge: 'We ship.' })), effects);
    await chat.start();
    const result = await chat.say('Do you ship?');
    expect(requests[0]).not.toHaveProperty('knowledgeSourceIds');
    expect(result.outputs).toEqual([{ type: 'text', text: 'Yes.' }]);
  });

  test('not found: the not_found path is followed and nothing the host wrote is said', async () => {
    const { effects } = answering({ found: false, answer: 'made up', citations: [{ title: 'Refund policy' }] });
    const chat = conversation(compileFlow(flowWith({ knowledgeSourceIds: ['src-1'] })), effects);
    await chat.start();
    const result = await chat.say('Do you sell pizza?');
    expect(result).toMatchObject({ status: 'handoff', handoff: { blockId: 'human' } });
    expect(JSON.stringify(result.outputs)).not.toContain('made up');
  });
});
