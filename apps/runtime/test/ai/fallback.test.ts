import { beforeEach, describe, expect, it } from 'vitest';
import { type AiLogger, createAiProvider, DEFAULT_AI_TIMEOUT_MS } from '../../src/ai/index';
import type { TranscriptLine } from '../../src/ai/provider';
import { fakeOpenAiPerSuite } from '../fakes/fake-openai-per-suite';

/** createAiProvider: timeouts, HTTP failures and bad output fall back to the offline provider and are logged. */

const KEY = 'sk-secret-do-not-log-1234';

const openai = fakeOpenAiPerSuite();
let logs: Array<{ level: 'info' | 'warn'; obj: Record<string, unknown>; msg?: string }>;
const logger: AiLogger = {
  info: (obj, msg) => logs.push({ level: 'info', obj, msg }),
  warn: (obj, msg) => logs.push({ level: 'warn', obj, msg }),
};

beforeEach(() => {
  logs = [];
  openai.fake.requests.length = 0;
});

const transcript: TranscriptLine[] = [
  { author: 'bot', text: 'Hi! How can I help?' },
  {
    author: 'visitor',
    text: 'My payment failed and I was charged twice for order #48213! My email is sam@example.com.',
  },
];

describe('createAiProvider', () => {
  it('uses LangChain when a key is set and logs call, provider, latency and outcome', async () => {
    const ai = createAiProvider({ apiKey: KEY, baseUrl: openai.fake.baseUrl }, logger);
    openai.fake.enqueue({ json: { priority: 'high', reason: 'Payment failure' } });
    expect(ai.name).toBe('openai');
    expect(await ai.prioritize({ transcript })).toEqual({ priority: 'high', reason: 'Payment failure' });
    expect(openai.fake.requests).toHaveLength(1);
    expect(logs).toEqual([
      {
        level: 'info',
        obj: { ai: 'prioritize', provider: 'openai', latencyMs: expect.any(Number), outcome: 'ok' },
        msg: 'ai call',
      },
    ]);
  });

  it('falls back offline on a 500 and logs the failure without the key', async () => {
    openai.fake.enqueue({
      status: 500,
      body: { error: { message: `upstream exploded for key ${KEY}`, type: 'server_error' } },
    });
    const ai = createAiProvider({ apiKey: KEY, baseUrl: openai.fake.baseUrl }, logger);
    const { summary } = await ai.summarize({ transcript, variables: {}, visitor: { name: 'Sam' } });
    expect(summary).toMatch(/^Sam: /);
    expect(summary).toContain('48213');
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      level: 'warn',
      obj: { ai: 'summarize', provider: 'openai', outcome: 'error', fallback: 'offline' },
    });
    expect(JSON.stringify(logs)).not.toContain(KEY);
    expect(JSON.stringify(logs)).toContain('[redacted]');
  });

  it('falls back offline when the model hangs past the timeout', async () => {
    openai.fake.enqueue({ hang: true });
    const ai = createAiProvider({ apiKey: KEY, baseUrl: openai.fake.baseUrl, timeoutMs: 300 }, logger);
    const started = Date.now();
    const result = await ai.prioritize({ transcript });
    // The model never answers: the 300 ms bound ended the call, not the 10 s default.
    expect(Date.now() - started).toBeLessThan(DEFAULT_AI_TIMEOUT_MS);
    expect(result.priority).toBe('high');
    expect(result.reason).toMatch(/double charge/i);
    expect(logs[0]).toMatchObject({
      level: 'warn',
      obj: { ai: 'prioritize', outcome: expect.stringMatching(/timeout|error/) },
    });
    expect(logs[0]!.obj.latencyMs as number).toBeGreaterThanOrEqual(250);
  });

  it('falls back when the model answers with something unusable', async () => {
    openai.fake.enqueue({ content: 'not json at all' });
    const ai = createAiProvider({ apiKey: KEY, baseUrl: openai.fake.baseUrl }, logger);
    const result = await ai.classifyIntent({
      text: 'I want to talk to a real person',
      intents: [{ id: 'human', name: 'Talk to a human', phrases: ['talk to a real person', 'human please'] }],
    });
    expect(result.intentId).toBe('human');
    expect(logs[0]?.obj.outcome).toBe('error');
  });

  it('keeps the AI agent handing off through the fallback when the model is down', async () => {
    openai.fake.setHandler(() => ({ status: 503 }));
    const ai = createAiProvider({ apiKey: KEY, baseUrl: openai.fake.baseUrl }, logger);
    const result = await ai.agentTurn({
      instructions: '',
      knowledge: '',
      transcript: [{ author: 'visitor', text: 'Let me talk to a human, my email is sam@example.com' }],
      handoff: { enabled: true, whenToUse: '', gather: ['email'], autoPriority: false },
      gathered: {},
    });
    openai.fake.setHandler(null);
    expect(result).toEqual({
      handoff: { reason: expect.stringContaining('asked for a human'), gathered: { email: 'sam@example.com' } },
    });
  });

  it('uses the offline provider with no key and never touches the network', async () => {
    const ai = createAiProvider({}, logger);
    expect(ai.name).toBe('offline');
    const { answer, found } = await ai.answer({
      question: 'How long do refunds take?',
      instructions: '',
      knowledge: 'We ship worldwide. Refunds take 5 to 7 business days.',
    });
    expect(found).toBe(true);
    expect(answer).toBe('Refunds take 5 to 7 business days.');
    expect(openai.fake.requests).toHaveLength(0);
    expect(logs).toEqual([
      {
        level: 'info',
        obj: { ai: 'answer', provider: 'offline', latencyMs: expect.any(Number), outcome: 'ok' },
        msg: 'ai call',
      },
    ]);
  });
});
