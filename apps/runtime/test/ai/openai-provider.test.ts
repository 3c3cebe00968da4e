import { beforeEach, describe, expect, it } from 'vitest';
import type { AgentTurnInput, TranscriptLine } from '../../src/ai/provider';
import { fakeOpenAiPerFile } from '../fakes/fake-openai-per-file';
import { requestText } from '../fakes/openai-server';

/** The real LangChain code paths (prompts, structured output, tool calling) against the loopback fake. */

const openai = fakeOpenAiPerFile('sk-test-key');

beforeEach(() => {
  openai.fake.setHandler(null);
});

const transcript: TranscriptLine[] = [
  { author: 'bot', text: 'Hi! How can I help?' },
  { author: 'visitor', name: 'Jane', text: 'I was charged twice for order #48213 {and} I am furious.' },
];

function lastRequest() {
  const req = openai.fake.requests.at(-1);
  if (!req) throw new Error('no request reached the fake');
  return req.body;
}

describe('LangChain provider against the fake OpenAI server', () => {
  it('summarizes through structured output and sends the transcript and variables', async () => {
    openai.fake.enqueue({
      json: {
        problem: 'Jane was charged twice for order 48213.',
        botTried: [],
        details: [{ label: 'Order number', value: '48213' }],
        tone: 'angry',
        nextStep: 'Refund the duplicate charge.',
      },
    });
    const result = await openai.ai.summarize({ transcript, variables: { plan: 'pro' }, visitor: { name: 'Jane' } });
    expect(result.structured).toEqual({
      problem: 'Jane was charged twice for order 48213.',
      botTried: [],
      details: [{ label: 'Order number', value: '48213' }],
      tone: 'angry',
      nextStep: 'Refund the duplicate charge.',
    });
    expect(result.summary).toBe(
      'Jane was charged twice for order 48213.\nDetails: Order number: 48213\nTone: angry.\nNext step: Refund the duplicate charge.',
    );
    const body = lastRequest();
    const schema = body.response_format?.json_schema?.schema;
    expect(Object.keys(schema?.properties ?? {})).toEqual(['problem', 'botTried', 'details', 'tone', 'nextStep']);
    expect(schema?.properties?.tone?.enum).toEqual(['calm', 'confused', 'impatient', 'frustrated', 'angry']);
    expect(body.model).toBe('gpt-test');
    expect(body.response_format?.type).toBe('json_schema');
    expect(body.response_format?.json_schema?.name).toBe('handoff_summary');
    // Braces in user text must reach the model verbatim, not be parsed as template variables.
    expect(requestText(body)).toContain('order #48213 {and} I am furious');
    expect(requestText(body)).toContain('"plan":"pro"');
    expect(openai.fake.requests.at(-1)!.headers.authorization).toBe('Bearer sk-test-key');
  });

  it('prioritizes with a constrained enum and a reason', async () => {
    openai.fake.enqueue({ json: { priority: 'urgent', reason: 'Double charge and angry tone' } });
    expect(await openai.ai.prioritize({ transcript })).toEqual({
      priority: 'urgent',
      reason: 'Double charge and angry tone',
    });
    const schema = lastRequest().response_format?.json_schema?.schema;
    expect(schema?.properties?.priority?.enum).toEqual(['low', 'medium', 'high', 'urgent']);
  });

  it('sends strict schemas without constraint keywords, and checks values itself', async () => {
    openai.fake.enqueue(
      { json: { problem: '   ', botTried: [], details: [], tone: 'calm', nextStep: 'x' } },
      { json: { intentId: 'none', confidence: 7 } },
    );
    await expect(openai.ai.summarize({ transcript, variables: {} })).rejects.toThrow(/empty summary problem/);
    const format = lastRequest().response_format?.json_schema;
    expect(format?.strict).toBe(true);
    expect(JSON.stringify(format?.schema)).not.toMatch(/minLength|minimum|maximum/);
    const intents = [{ id: 'a', name: 'A', phrases: [] }];
    expect(await openai.ai.classifyIntent({ text: 'x', intents })).toEqual({ intentId: null, confidence: 1 });
  });

  it('rejects structured output that breaks the schema', async () => {
    openai.fake.enqueue({ json: { priority: 'whenever', reason: 'x' } });
    await expect(openai.ai.prioritize({ transcript })).rejects.toThrow();
  });

  describe('intent classification', () => {
    const intents = [
      { id: 'refund', name: 'Refund', description: 'money back', phrases: ['I want a refund'] },
      { id: 'human', name: 'Talk to a human', phrases: ['real person please'] },
    ];

    it('offers only the bot intents plus none and applies the threshold', async () => {
      openai.fake.enqueue(
        { json: { intentId: 'refund', confidence: 0.93 } },
        { json: { intentId: 'refund', confidence: 0.3 } },
      );
      expect(await openai.ai.classifyIntent({ text: 'give my money back', intents })).toEqual({
        intentId: 'refund',
        confidence: 0.93,
      });
      expect(lastRequest().response_format?.json_schema?.schema.properties?.intentId?.enum).toEqual([
        'none',
        'refund',
        'human',
      ]);
      expect(requestText(lastRequest())).toContain('real person please');
      expect(await openai.ai.classifyIntent({ text: 'hmm', intents, threshold: 0.5 })).toEqual({
        intentId: null,
        confidence: 0.3,
      });
    });

    it('maps "none" to null and skips the model when there are no intents', async () => {
      openai.fake.enqueue({ json: { intentId: 'none', confidence: 0.9 } });
      expect((await openai.ai.classifyIntent({ text: 'weather?', intents })).intentId).toBeNull();
      const before = openai.fake.requests.length;
      expect(await openai.ai.classifyIntent({ text: 'hello', intents: [] })).toEqual({ intentId: null, confidence: 0 });
      expect(openai.fake.requests.length).toBe(before);
    });
  });

  it('answers from knowledge in streamed plain text, and reports not found with the NOT_FOUND marker', async () => {
    const knowledge = 'Refunds reach your bank within 5 to 7 business days.';
    openai.fake.setHandler((req) =>
      requestText(req).includes('refund') ? { content: 'Within 5 to 7 business days.' } : { content: 'NOT_FOUND' },
    );
    expect(
      await openai.ai.answer({ question: 'When does my refund arrive?', instructions: 'Be brief', knowledge }),
    ).toEqual({
      found: true,
      answer: 'Within 5 to 7 business days.',
    });
    expect(lastRequest().stream).toBe(true);
    expect(requestText(lastRequest())).toContain('Be brief');
    expect(requestText(lastRequest())).toContain(knowledge);
    expect(requestText(lastRequest())).toContain('reply with exactly NOT_FOUND');
    expect(
      await openai.ai.answer({ question: 'Do you sell gift cards?', instructions: '', knowledge: 'Shipping is free.' }),
    ).toEqual({ found: false, answer: "I'm sorry, I don't have information about that." });
  });

  it('drafts a suggested reply for the agent', async () => {
    openai.fake.enqueue({ json: { reply: 'Hi Jane, I am sorry about the double charge; I am refunding it now.' } });
    const { reply } = await openai.ai.suggestReply({ transcript, knowledge: 'Refunds take 5 days.' });
    expect(reply).toContain('double charge');
    expect(lastRequest().response_format?.json_schema?.name).toBe('suggested_reply');
  });

  describe('AI agent mode (tool calling)', () => {
    const base: Omit<AgentTurnInput, 'transcript'> = {
      instructions: 'You are the Acme assistant.',
      knowledge: 'Acme sells shoes.',
      handoff: {
        enabled: true,
        whenToUse: 'The visitor wants a refund',
        gather: ['email', 'order number'],
        autoPriority: true,
      },
      gathered: {},
    };

    it('asks for the email first, then calls human_handoff with the gathered fields', async () => {
      const chat: TranscriptLine[] = [
        { author: 'visitor', text: 'I want a refund for order A-1029, please get me a human' },
      ];
      openai.fake.enqueue({ content: 'Sure, I can connect you. What is your email address?' });
      const first = await openai.ai.agentTurn({ ...base, transcript: chat });
      expect(first).toEqual({
        reply: 'Sure, I can connect you. What is your email address?',
        gathered: { order_number: 'A-1029' },
      });

      const tools = lastRequest().tools ?? [];
      expect(tools.map((t) => t.function.name)).toEqual(['human_handoff']);
      expect(Object.keys(tools[0]!.function.parameters?.properties ?? {})).toEqual([
        'reason',
        'email',
        'order_number',
        'priority',
      ]);
      expect(requestText(lastRequest())).toContain('ask the visitor for these, one question at a time: email');

      chat.push(
        { author: 'bot', text: 'Sure, I can connect you. What is your email address?' },
        { author: 'visitor', text: 'jane@example.com' },
      );
      openai.fake.enqueue({
        toolCalls: [
          {
            name: 'human_handoff',
            args: { reason: 'Refund request', email: 'jane@example.com', order_number: 'A-1029', priority: 'high' },
          },
        ],
      });
      const second = await openai.ai.agentTurn({
        ...base,
        transcript: chat,
        gathered: 'reply' in first ? (first.gathered ?? {}) : {},
      });
      expect(second).toEqual({
        handoff: {
          reason: 'Refund request',
          gathered: { email: 'jane@example.com', order_number: 'A-1029' },
          priority: 'high',
        },
      });
      const history = lastRequest().messages.map((m) => m.role);
      expect(history).toEqual(['system', 'user', 'assistant', 'user']);
    });

    it('does not hand off while a required field is missing, even if the model calls the tool early', async () => {
      openai.fake.enqueue({
        toolCalls: [
          {
            name: 'human_handoff',
            args: { reason: 'wants a human', email: 'not provided', order_number: '', priority: 'low' },
          },
        ],
      });
      const result = await openai.ai.agentTurn({ ...base, transcript: [{ author: 'visitor', text: 'human please' }] });
      expect(result).toEqual({ reply: expect.stringContaining('your email'), gathered: {} });
    });

    it('fills a priority the model left out from the offline triage', async () => {
      openai.fake.enqueue({
        toolCalls: [{ name: 'human_handoff', args: { reason: 'Site outage', email: 'a@b.co', order_number: 'A-1' } }],
      });
      const transcript: TranscriptLine[] = [{ author: 'visitor', text: 'Your site is down! a@b.co, order A-1' }];
      const result = await openai.ai.agentTurn({ ...base, transcript });
      expect(result).toEqual({
        handoff: { reason: 'Site outage', gathered: { email: 'a@b.co', order_number: 'A-1' }, priority: 'urgent' },
      });
    });

    it('sends no tools when handoff is disabled', async () => {
      openai.fake.enqueue({ content: 'We sell shoes.' });
      const result = await openai.ai.agentTurn({
        ...base,
        handoff: { ...base.handoff, enabled: false },
        transcript: [{ author: 'visitor', text: 'What do you sell?' }],
      });
      expect(result).toEqual({ reply: 'We sell shoes.', gathered: {} });
      expect(lastRequest().tools).toBeUndefined();
      expect(requestText(lastRequest())).toContain('Never promise a human');
    });
  });
});
