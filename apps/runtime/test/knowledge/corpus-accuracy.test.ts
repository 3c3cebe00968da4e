import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeOpenAiPerSuite } from '../fakes/fake-openai-per-suite';
import { type FakeOpenAiServer, requestText } from '../fakes/openai-server';
import { useTestServer } from '../server';
import {
  type Asked,
  askCorpus,
  holdsKeys,
  type IndexedCorpus,
  indexCorpus,
  measure,
  offlineCorrect,
  percent,
  sourceKey,
  startCorpusSite,
} from './corpus-bench';
import type { AnswerableQuestion } from './fixtures/corpus-questions';
import type { LocalSite } from './local-site';

/**
 * The knowledge-base benchmark (issue 22; figures in BENCHMARKS.md): the npm docs corpus (36 crawled pages and two
 * PDFs) indexed through the real indexer, every question of corpus-questions.ts asked through the path a live AI
 * answer block takes. Offline provider: the goals (85 % / 90 %) are NOT met yet (see BENCHMARKS.md); the
 * test asserts the floors measured when it was written, so a change that loses ground fails, and logs the distance
 * to the goals. Through the fake OpenAI server: the model cannot
 * really answer, so what is measured is what the runtime controls (the passages it sends, the citation it derives,
 * the not-found decision it takes before asking); those figures are logged and held to their measured floors.
 */
/** The goals, in percent: answered correctly with a correct citation, unanswerable sent to not-found. */
const GOAL = { correct: 85, notFound: 90 };
/**
 * Measured 2026-12-06 (BENCHMARKS.md, "Knowledge base (issue 22)") after section-aware chunks, the second-stage
 * ranking and the relevance cut-offs: offline 52.1 % and 97.5 %; through the fake model 67.6 % and 97.5 %. 2026-12-07:
 * offline 54.9 % once a further sentence of the passage holding a topic word the reply lacked joins it.
 */
const FLOOR = {
  offline: { correct: 54, notFound: 97 },
  fakeModel: { correct: 67, notFound: 97 },
};
const TIMEOUT = 600_000;

let site: LocalSite;
beforeAll(async () => {
  site = await startCorpusSite();
});
afterAll(() => site.close());

const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.ceil(0.95 * samples.length) - 1] ?? 0;

function report(label: string, indexed: IndexedCorpus, scored: Awaited<ReturnType<typeof measure>>) {
  const lines = [
    `${label}: indexed ${indexed.pages} pages in ${Math.round(indexed.siteMs)} ms and ${indexed.files} PDFs in ${Math.round(indexed.filesMs)} ms (${indexed.chunks} chunks)`,
    `${label}: answered correctly with a correct citation ${scored.correct}/${scored.answerable} (${percent(scored.correct, scored.answerable)} %), unanswerable sent to not-found ${scored.notFound}/${scored.unanswerable} (${percent(scored.notFound, scored.unanswerable)} %), answer p95 ${Math.round(p95(scored.latencies))} ms`,
    ...scored.misses.map((miss) => `  miss: ${miss}`),
  ];
  console.log(lines.join('\n'));
}

async function workspace(db: Parameters<typeof indexCorpus>[0], id: string) {
  await db.insertInto('workspaces').values({ id, name: 'npm docs' }).execute();
  return id;
}

describe('knowledge-base accuracy on the npm docs corpus, offline provider', () => {
  const t = useTestServer('pglite');

  it(
    `answers >= ${FLOOR.offline.correct} % correctly with a correct citation (goal ${GOAL.correct} %), sends >= ${FLOOR.offline.notFound} % of unanswerable questions to not-found (goal ${GOAL.notFound} %)`,
    async () => {
      const { services } = t.current.server;
      const workspaceId = await workspace(services.db, 'corpus-offline');
      const indexed = await indexCorpus(services.db, workspaceId, site);
      expect(indexed.pages).toBe(37);
      const scored = await measure(
        (question) => askCorpus(services, workspaceId, indexed.sourceIds, question),
        offlineCorrect,
      );
      report('offline', indexed, scored);
      const correct = percent(scored.correct, scored.answerable);
      const notFound = percent(scored.notFound, scored.unanswerable);
      console.log(
        `offline: goals ${GOAL.correct} % / ${GOAL.notFound} %, short by ${Math.max(0, GOAL.correct - correct)} / ${Math.max(0, GOAL.notFound - notFound)} points`,
      );
      expect(correct).toBeGreaterThanOrEqual(FLOOR.offline.correct);
      expect(notFound).toBeGreaterThanOrEqual(FLOOR.offline.notFound);
    },
    TIMEOUT,
  );
});

/** The knowledge the runtime sent to the model with the last answer request ("Knowledge:" to the end). */
const knowledgeSent = (fake: FakeOpenAiServer) =>
  requestText(fake.requests.at(-1)!.body).split('Knowledge:\n')[1] ?? '';

describe('knowledge-base accuracy on the npm docs corpus, through the fake OpenAI server (LangChain SDK)', () => {
  const openai = fakeOpenAiPerSuite('sk-test-corpus');
  beforeAll(() => {
    // A stand-in for a model that answers from the best passage: the first two sentences of the first passage sent.
    // It never says NOT_FOUND, so every not-found below was decided by the runtime before asking.
    openai.fake.setHandler((request) => {
      const first = (requestText(request).split('Knowledge:\n')[1] ?? '').split('\n\n')[0] ?? '';
      return { content: (first.match(/[^.!?]+[.!?]+/g) ?? [first]).slice(0, 2).join('').trim() || 'NOT_FOUND' };
    });
  });
  const t = useTestServer('pglite', openai.config);

  it(
    'sends the passage holding the answer to the model, cites its source, and logs the figures',
    async () => {
      const { services } = t.current.server;
      const workspaceId = await workspace(services.db, 'corpus-model');
      const indexed = await indexCorpus(services.db, workspaceId, site);
      let inContext = 0;
      const sent = new Map<string, string>();
      const ask = async (question: string): Promise<Asked> => {
        const before = openai.fake.requests.length;
        const asked = await askCorpus(services, workspaceId, indexed.sourceIds, question);
        sent.set(question, openai.fake.requests.length > before ? knowledgeSent(openai.fake) : '');
        return asked;
      };
      // Correct here: the model was given a passage of an expected source holding the key words, and the answer's
      // citation names an expected source (what the runtime controls; the model's wording is the fake's).
      const correct = (question: AnswerableQuestion, asked: Asked) => {
        const given = asked.retrieved.filter((p) => question.cite.includes(sourceKey(p)));
        const hasAnswer = given.some((p) => holdsKeys(p.text, question.keys));
        if (hasAnswer) inContext++;
        return (
          asked.found &&
          hasAnswer &&
          holdsKeys(sent.get(question.q) ?? '', question.keys) &&
          asked.citations.some((c) => question.cite.includes(sourceKey(c)))
        );
      };
      const scored = await measure(ask, correct);
      report('fake LLM', indexed, scored);
      console.log(
        `fake LLM: the answer's passage was among those sent to the model for ${inContext}/${scored.answerable} (${percent(inContext, scored.answerable)} %)`,
      );
      // The model was asked with passages; the runtime's share (passages, citation, cut-off) holds its measured floors.
      expect(openai.fake.requests.length).toBeGreaterThan(0);
      expect(percent(scored.correct, scored.answerable)).toBeGreaterThanOrEqual(FLOOR.fakeModel.correct);
      expect(percent(scored.notFound, scored.unanswerable)).toBeGreaterThanOrEqual(FLOOR.fakeModel.notFound);
    },
    TIMEOUT,
  );
});
