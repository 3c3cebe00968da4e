import { type Block, blockDefinitions } from '@flowdesk/flow-schema';
import { describe, expect, test } from 'vitest';
import { sampleFlow } from '../model/test-flow';
import { displayOutputs, summarize } from './summarize';

const doc = sampleFlow();
const ctx = { intents: doc.intents, teamName: (id: string) => (id === 'billing' ? 'Billing' : undefined) };
const block = (type: string, data: unknown) => ({ id: 'b', type, position: { x: 0, y: 0 }, data }) as Block;

describe('summarize', () => {
  test.each(Object.entries(blockDefinitions))('a fresh %s block reads as non-empty lines', (type, definition) => {
    const lines = summarize(block(type, definition.defaults()), ctx);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.trim()).not.toBe('');
  });

  test('AI blocks count their chosen knowledge sources', () => {
    const answer = blockDefinitions.ai_answer.data.parse({ instructions: 'Be brief', knowledgeSourceIds: ['a', 'b'] });
    expect(summarize(block('ai_answer', answer), ctx)).toEqual(['Be brief', 'Knowledge: 0 words + 2 sources']);
    const agent = blockDefinitions.ai_agent.data.parse({ knowledge: 'Ships fast', knowledgeSourceIds: ['a'] });
    expect(summarize(block('ai_agent', agent), ctx)[0]).toBe('Converses from 2 words of knowledge and 1 source');
  });

  test('message text and media', () => {
    expect(summarize(block('message', { content: { type: 'text', text: 'Hi {{name}}' } }), ctx)).toEqual([
      'Hi {{name}}',
    ]);
    expect(summarize(block('message', { content: { type: 'carousel', cards: [{}, {}] } }), ctx)).toEqual([
      'Carousel of 2 cards',
    ]);
  });

  test('buttons say where typed text goes, and the no-match exit is on the canvas', () => {
    const data = { text: 'Pick', buttons: [{ id: 'a', label: 'A' }] };
    expect(summarize(block('buttons', data), ctx)).toEqual(['Pick', 'Typed text: buttons, intents, then “No match”']);
    expect(displayOutputs(block('buttons', data), []).map((o) => o.id)).toEqual(['a', 'no_match']);
    const typing = block('buttons', { ...data, allowTyping: true });
    expect(summarize(typing, ctx)).toEqual(['Pick', 'Typed text: an answer']);
    expect(displayOutputs(typing, []).map((o) => o.id)).toEqual(['a', 'typed']);
  });

  test('handoff shows priority mode and team', () => {
    expect(summarize(block('human_handoff', { priority: { mode: 'auto' }, teamId: null }), ctx)).toEqual([
      'Priority: AI decides',
      'Team: Any team',
    ]);
    expect(
      summarize(block('human_handoff', { priority: { mode: 'fixed', value: 'urgent' }, teamId: 'billing' }), ctx),
    ).toEqual(['Priority: Urgent', 'Team: Billing']);
  });

  test('condition groups read as a sentence', () => {
    const data = {
      combinator: 'or',
      groups: [
        {
          combinator: 'and',
          rules: [
            { variable: 'plan', operator: 'equals', value: 'pro' },
            { variable: 'email', operator: 'is_not_empty' },
          ],
        },
        { combinator: 'and', rules: [{ variable: 'age', operator: 'greater_than', value: '18' }] },
      ],
    };
    expect(summarize(block('condition', data), ctx)).toEqual([
      'If (plan is “pro” AND email is not empty) OR (age is greater than “18”)',
    ]);
  });

  test('intent blocks name intents, unknown ones visibly', () => {
    expect(summarize(block('match_intent', { intentIds: ['talk_to_human', 'gone'] }), ctx)).toEqual([
      'Recognises: Talk to a human, Unknown intent (gone)',
    ]);
    expect(summarize(block('intent_trigger', { intentId: 'talk_to_human', scope: 'global' }), ctx)[0]).toBe(
      'When the visitor says “Talk to a human”',
    );
  });

  test('half-edited data does not throw', () => {
    expect(summarize(block('condition', {}), ctx)).toEqual(['If No rules yet']);
    expect(summarize(block('http_request', {}), ctx)).toEqual(['GET (no URL)']);
  });
});

test('displayOutputs names match_intent handles by intent', () => {
  const outputs = displayOutputs(block('match_intent', { intentIds: ['talk_to_human'] }), ctx.intents);
  expect(outputs.map((o) => o.label)).toEqual(['Talk to a human', 'No match']);
  expect(displayOutputs(doc.blocks[2]!, ctx.intents).map((o) => o.id)).toEqual(['pricing', 'human', 'no_match']);
});
