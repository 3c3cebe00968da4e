import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NOT_FOUND_ANSWER } from '../../src/ai/offline/answer';
import type { TranscriptLine } from '../../src/ai/provider';
import { fakeOpenAiPerFile } from '../fakes/fake-openai-per-file';
import { requestText } from '../fakes/openai-server';

/** The knowledge answer streamed through ChatOpenAI.stream over SSE from the fake, with its NOT_FOUND protocol. */

const openai = fakeOpenAiPerFile();
beforeEach(() => {
  openai.fake.setStreaming({});
});

const input = { question: 'How long do refunds take?', instructions: '', knowledge: 'Refunds take 5 days.' };

/** Runs an answer, recording each onText call and when it happened. */
async function answer(
  extra: Partial<typeof input> & { transcript?: TranscriptLine[] } = {},
  texts: Array<{ text: string; at: number }> = [],
) {
  const result = await openai.ai.answer(
    { ...input, ...extra },
    { onText: (text) => texts.push({ text, at: performance.now() }) },
  );
  return { result, texts, shown: texts.map((t) => t.text) };
}

describe('streamed knowledge answer', () => {
  it('calls onText with the whole text so far as each chunk arrives, the first one at once', async () => {
    const seen: Array<{ text: string; at: number }> = [];
    // Each chunk is written only once the text before it was shown: an update that waited for a later chunk
    // (buffering) would never come, and the answer would fail.
    const shownBefore = (index: number) =>
      vi.waitFor(
        () => {
          if (seen.length < index) throw new Error(`chunk ${index - 1} not shown yet`);
        },
        { timeout: 10_000, interval: 5 },
      );
    openai.fake.enqueue({ chunks: ['Refunds', ' take', ' 5 days.'], before: shownBefore });
    const { result, texts, shown } = await answer({}, seen);
    expect(result).toEqual({ found: true, answer: 'Refunds take 5 days.' });
    expect(shown).toEqual(['Refunds', 'Refunds take', 'Refunds take 5 days.']);
    const sent = openai.fake.requests[0]!.chunks;
    expect(openai.fake.requests[0]!.body.stream).toBe(true);
    // Each update came after its chunk was written (and, above, before the next one was).
    expect(texts).toHaveLength(sent.length);
    for (const [i, chunk] of sent.entries()) expect(texts[i]!.at).toBeGreaterThanOrEqual(chunk.at);
  });

  it('says not found for the NOT_FOUND marker, even split across chunks, and never shows any of it', async () => {
    openai.fake.enqueue({ chunks: [' NOT', '_FO', 'UND'] }, { chunks: ['NOT_FOUND', '. The knowledge does not say.'] });
    for (let i = 0; i < 2; i++) {
      const { result, shown } = await answer();
      expect(result).toEqual({ found: false, answer: NOT_FOUND_ANSWER });
      expect(shown).toEqual([]);
    }
  });

  it('holds back text only while it could still become the marker', async () => {
    openai.fake.enqueue({ chunks: ['NO', 'T every', ' order qualifies.'] });
    const { result, shown } = await answer();
    expect(shown).toEqual(['NOT every', 'NOT every order qualifies.']);
    expect(result).toEqual({ found: true, answer: 'NOT every order qualifies.' });
  });

  it('keeps a marker written after some text out of the text and the answer', async () => {
    openai.fake.enqueue({ chunks: ['Sorry,', ' I cannot tell.', ' NOT_', 'FOUND'] });
    const { result, shown } = await answer();
    expect(shown).toEqual(['Sorry,', 'Sorry, I cannot tell.']);
    expect(shown.join(' ')).not.toContain('NOT');
    expect(result).toEqual({ found: true, answer: 'Sorry, I cannot tell.' });
  });

  it('releases a held-back ending when the reply is complete', async () => {
    openai.fake.enqueue({ chunks: ['Ask for room', ' N'] });
    const { result, shown } = await answer();
    expect(shown).toEqual(['Ask for room', 'Ask for room N']);
    expect(result.answer).toBe('Ask for room N');
  });

  it('fails on an empty reply, so the caller can fall back', async () => {
    openai.fake.enqueue({ chunks: ['  ', '\n'] });
    await expect(answer()).rejects.toThrow(/empty answer/);
  });

  it('stops when the signal aborts mid-stream', async () => {
    openai.fake.enqueue({ chunks: ['one', ' two', ' three'], timing: { chunkDelayMs: 200 } });
    const controller = new AbortController();
    const shown: string[] = [];
    const call = openai.ai.answer(input, {
      signal: controller.signal,
      onText: (text) => {
        shown.push(text);
        controller.abort();
      },
    });
    await expect(call).rejects.toThrow();
    // Stopped at once: the later chunks (200 ms apart) were never shown.
    expect(shown).toEqual(['one']);
  });
});

describe('the conversation goes with the question', () => {
  const earlier: TranscriptLine[] = [
    { author: 'bot', text: 'Hi! What can I do for you?' },
    { author: 'visitor', text: 'I returned my blue sneakers, order 48213.' },
    { author: 'bot', text: 'Thanks, the return is registered.' },
    { author: 'visitor', text: 'How long until I get the money?' },
  ];

  it('sends the earlier lines of a follow-up question, without repeating the question', async () => {
    await answer({ question: 'How long until I get the money?', transcript: earlier });
    const human = openai.fake.requests[0]!.body.messages.at(-1)!.content as string;
    expect(human).toBe(
      'Conversation so far:\nBot: Hi! What can I do for you?\nVisitor: I returned my blue sneakers, order 48213.\n' +
        'Bot: Thanks, the return is registered.\n\nQuestion: How long until I get the money?',
    );
  });

  it('sends no conversation section without a transcript', async () => {
    await answer();
    expect(requestText(openai.fake.requests[0]!.body)).not.toContain('Conversation so far');
  });

  it('keeps only the newest 20 lines and about 6,000 characters', async () => {
    const many = Array.from({ length: 30 }, (_, i): TranscriptLine => ({ author: 'visitor', text: `line ${i} #` }));
    await answer({ transcript: many });
    const sent = requestText(openai.fake.requests[0]!.body);
    expect(sent).toContain('line 10 #');
    expect(sent).toContain('line 29 #');
    expect(sent).not.toContain('line 9 #');

    openai.fake.requests.length = 0;
    const long = Array.from({ length: 5 }, (_, i): TranscriptLine => ({ author: 'bot', text: `${i}`.repeat(1_900) }));
    await answer({ transcript: long });
    const human = openai.fake.requests[0]!.body.messages.at(-1)!.content as string;
    const conversation = human.slice('Conversation so far:\n'.length, human.indexOf('\n\nQuestion:'));
    expect(conversation.length).toBeLessThanOrEqual(6_000);
    expect(conversation).toContain('4'.repeat(1_900));
    expect(conversation).toContain('2'.repeat(1_900));
    expect(conversation).not.toContain('1'.repeat(1_900));
  });
});
