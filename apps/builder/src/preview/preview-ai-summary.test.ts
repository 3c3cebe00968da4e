import { expect, test } from 'vitest';
import { fitTranscript, fitVariables, requestAiSummary } from './preview-ai-summary';

test('keeps the newest lines within the endpoint limits', () => {
  const lines = Array.from({ length: 250 }, (_, i) => ({ author: 'visitor' as const, text: `line ${i}` }));
  const fitted = fitTranscript(lines);
  expect(fitted).toHaveLength(200);
  expect(fitted.at(-1)?.text).toBe('line 249');
  const long = fitTranscript(Array.from({ length: 8 }, () => ({ author: 'bot' as const, text: 'x'.repeat(5_000) })));
  expect(long.every((l) => l.text.length === 4_000)).toBe(true);
  expect(long.reduce((n, l) => n + l.text.length, 0)).toBeLessThanOrEqual(20_000);
});

test('sends only plain variables', () => {
  expect(fitVariables({ a: 'x', b: 2, c: { deep: true }, d: null, e: [1] })).toEqual({ a: 'x', b: 2, d: null });
});

test('maps the answer, or the failure, without rejecting', async () => {
  const ok = requestAiSummary(
    async (body) => {
      expect(body.priorityMode).toBe('ai');
      return { summary: 'S', priority: { priority: 'urgent', reason: 'R' }, provider: 'offline' };
    },
    [{ author: 'visitor', text: 'help' }],
    {},
    'ai',
  );
  expect(await ok.done).toEqual({ ok: true, summary: 'S', priority: 'Urgent', reason: 'R', provider: 'offline' });
  expect(ok.outcome).toEqual(await ok.done);
  const failed = requestAiSummary(
    async () => {
      throw new Error('Too many preview summaries');
    },
    [],
    {},
    'fixed',
  );
  expect(await failed.done).toEqual({ ok: false, error: 'Too many preview summaries' });
});
