import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../src/ai/provider';
import { fakeOpenAiPerFile } from '../fakes/fake-openai-per-file';

/**
 * The exact JSON Schemas the model receives. OpenAI's strict structured outputs accept a subset of JSON Schema:
 * no `$schema`, no `title`, `additionalProperties: false` and every property in `required` on each object.
 */

const openai = fakeOpenAiPerFile();

const transcript: TranscriptLine[] = [{ author: 'visitor', text: 'I was charged twice' }];
const closed = (properties: Record<string, unknown>) => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

function sentFormat() {
  expect(openai.fake.requests).toHaveLength(1);
  return openai.fake.requests[0]!.body.response_format;
}

describe('strict structured output schemas sent to the model', () => {
  it('summary', async () => {
    await openai.ai.summarize({ transcript, variables: {} });
    expect(sentFormat()).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'handoff_summary',
        strict: true,
        schema: closed({
          problem: { type: 'string', description: "The visitor's problem in one sentence" },
          botTried: {
            type: 'array',
            items: { type: 'string' },
            description: "The bot's relevant answers, not its confirmations or questions",
          },
          details: {
            type: 'array',
            items: closed({
              label: { type: 'string', description: 'Human label, e.g. "Order number"' },
              value: { type: 'string' },
            }),
            description: 'Captured details',
          },
          tone: { type: 'string', enum: ['calm', 'confused', 'impatient', 'frustrated', 'angry'] },
          nextStep: { type: 'string', description: 'What the agent should do first' },
        }),
      },
    });
  });

  it('priority', async () => {
    await openai.ai.prioritize({ transcript });
    expect(sentFormat()).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'priority',
        strict: true,
        schema: closed({
          priority: { type: 'string', enum: ['low', 'medium', 'high', 'urgent'] },
          reason: { type: 'string', description: 'One line naming the signal, e.g. "Double charge and angry tone"' },
        }),
      },
    });
  });

  it('intent', async () => {
    await openai.ai.classifyIntent({ text: 'refund please', intents: [{ id: 'refund', name: 'Refund', phrases: [] }] });
    expect(sentFormat()).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'intent',
        strict: true,
        schema: closed({
          intentId: { type: 'string', enum: ['none', 'refund'] },
          confidence: { type: 'number', description: '0 to 1' },
        }),
      },
    });
  });

  it('suggested reply', async () => {
    await openai.ai.suggestReply({ transcript });
    expect(sentFormat()).toEqual({
      type: 'json_schema',
      json_schema: { name: 'suggested_reply', strict: true, schema: closed({ reply: { type: 'string' } }) },
    });
  });

  it('agent turn: the handoff tool parameters use the same subset', async () => {
    openai.fake.enqueue({ content: 'What is your email?' });
    await openai.ai.agentTurn({
      instructions: '',
      knowledge: '',
      transcript,
      gathered: {},
      handoff: { enabled: true, whenToUse: 'refunds', gather: ['email', 'order number'], autoPriority: true },
    });
    expect(openai.fake.requests[0]!.body.response_format).toBeUndefined();
    expect(openai.fake.requests[0]!.body.tools?.[0]?.function.parameters).toEqual(
      closed({
        reason: { type: 'string', description: 'Why the visitor needs a human, in one line' },
        email: { type: 'string', description: "The visitor's email, exactly as given" },
        order_number: { type: 'string', description: "The visitor's order number, exactly as given" },
        priority: { type: 'string', enum: ['low', 'medium', 'high', 'urgent'] },
      }),
    );
  });

  it('the knowledge answer streams plain text with no schema', async () => {
    await openai.ai.answer({ question: 'q', instructions: '', knowledge: 'k' });
    expect(openai.fake.requests[0]!.body.stream).toBe(true);
    expect(openai.fake.requests[0]!.body.response_format).toBeUndefined();
  });
});
