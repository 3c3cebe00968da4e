import { beforeEach, describe, expect, it } from 'vitest';
import { type AiLogger, answeredBy, createAiProvider } from '../../src/ai/index';
import { fakeOpenAiPerSuite } from '../fakes/fake-openai-per-suite';

/** createAiProvider's streamed answer: options pass through, failures before and after the first text, timeouts. */

const openai = fakeOpenAiPerSuite();
let logs: Array<{ level: string; obj: Record<string, unknown> }>;
const logger: AiLogger = {
  info: (obj) => logs.push({ level: 'info', obj }),
  warn: (obj) => logs.push({ level: 'warn', obj }),
};
beforeEach(() => {
  logs = [];
  openai.fake.requests.length = 0;
  openai.fake.setStreaming({});
});

const input = {
  question: 'How long do refunds take?',
  instructions: '',
  knowledge: 'We ship worldwide. Refunds take 5 to 7 business days.',
};
const OFFLINE_ANSWER = 'Refunds take 5 to 7 business days.';

function provider(timeoutMs = 2_000) {
  return createAiProvider({ apiKey: 'sk-stream', baseUrl: openai.fake.baseUrl, timeoutMs }, logger);
}

async function run(ai = provider(), signal?: AbortSignal) {
  const shown: string[] = [];
  const result = await ai.answer(input, { onText: (text) => shown.push(text), signal });
  return { result, shown, by: answeredBy(ai, result) };
}

describe('streamed answer through the resilient provider', () => {
  it('passes onText through and says the model answered', async () => {
    openai.fake.enqueue({ chunks: ['Five', ' to seven', ' days.'] });
    expect(await run()).toEqual({
      result: { found: true, answer: 'Five to seven days.' },
      shown: ['Five', 'Five to seven', 'Five to seven days.'],
      by: 'openai',
    });
    expect(logs).toEqual([{ level: 'info', obj: expect.objectContaining({ ai: 'answer', outcome: 'ok' }) }]);
  });

  it('falls back offline when the stream fails before any text, showing the offline answer once', async () => {
    openai.fake.enqueue({ status: 500 });
    expect(await run()).toEqual({
      result: { found: true, answer: OFFLINE_ANSWER },
      shown: [OFFLINE_ANSWER],
      by: 'offline',
    });
    expect(logs[0]).toMatchObject({ level: 'warn', obj: { ai: 'answer', outcome: 'error', fallback: 'offline' } });
  });

  it('falls back offline when the stream breaks before any visible text (marker prefix only)', async () => {
    openai.fake.enqueue({ chunks: ['NOT_', 'FOUND'], breakAfter: 1 });
    const { result, shown, by } = await run();
    expect({ result, shown, by }).toEqual({
      result: { found: true, answer: OFFLINE_ANSWER },
      shown: [OFFLINE_ANSWER],
      by: 'offline',
    });
  });

  it('keeps the text already shown when the stream breaks after it, without a second offline reply', async () => {
    openai.fake.enqueue({ chunks: ['Refunds', ' take five', ' business days.'], breakAfter: 2 });
    expect(await run()).toEqual({
      result: { found: true, answer: 'Refunds take five' },
      shown: ['Refunds', 'Refunds take five'],
      by: 'openai',
    });
    expect(logs[0]).toMatchObject({ level: 'warn', obj: { ai: 'answer', outcome: 'error', kept: 'streamed text' } });
  });

  it('times out on silence: before the first text it falls back, after it the text is kept', async () => {
    // The text would come after 1 s: offline and a timeout mean the 200 ms silence bound ended the call first.
    openai.fake.enqueue({ chunks: ['late'], timing: { firstChunkDelayMs: 1_000 } });
    expect((await run(provider(200))).by).toBe('offline');
    expect(logs[0]?.obj.outcome).toBe('timeout');

    // Only the first piece: the silence after it ended the call before the second (1 s later).
    openai.fake.enqueue({ chunks: ['Refunds', ' take', ' ages'], timing: { chunkDelayMs: 1_000 } });
    expect(await run(provider(200))).toEqual({
      result: { found: true, answer: 'Refunds' },
      shown: ['Refunds'],
      by: 'openai',
    });
  });

  it('lets a long answer that keeps streaming run past the timeout', async () => {
    const words = ['Refunds', ' take', ' five', ' to', ' seven', ' business', ' days,', ' sometimes', ' ten.'];
    // Each pause (150 ms) stays far under the silence timeout (1 s) even on a loaded machine; the whole answer
    // takes longer than it.
    openai.fake.enqueue({ chunks: words, timing: { chunkDelayMs: 150 } });
    const started = performance.now();
    const { result, shown, by } = await run(provider(1_000));
    expect(performance.now() - started).toBeGreaterThan(1_000);
    expect(result).toEqual({ found: true, answer: 'Refunds take five to seven business days, sometimes ten.' });
    expect(shown).toHaveLength(words.length);
    expect(by).toBe('openai');
  });

  it('rejects without a fallback when the caller aborts', async () => {
    openai.fake.enqueue({ chunks: ['one', ' two'], timing: { firstChunkDelayMs: 1_000 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    // Rejected, not answered: the abort ended the call before the first piece (1 s later).
    await expect(run(provider(), controller.signal)).rejects.toThrow();
    expect(logs).toEqual([{ level: 'info', obj: expect.objectContaining({ ai: 'answer', outcome: 'aborted' }) }]);
  });

  it('the offline-only provider shows a found answer once and nothing for not found', async () => {
    const offline = createAiProvider({});
    expect(await run(offline)).toEqual({
      result: { found: true, answer: OFFLINE_ANSWER },
      shown: [OFFLINE_ANSWER],
      by: 'offline',
    });
    const shown: string[] = [];
    const missing = await offline.answer(
      { ...input, question: 'Do you sell gift cards?' },
      { onText: (t) => shown.push(t) },
    );
    expect(missing.found).toBe(false);
    expect(shown).toEqual([]);
  });
});
