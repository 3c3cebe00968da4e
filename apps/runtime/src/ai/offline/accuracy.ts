import { capturedDetails } from '../fields';
import { lastVisitorText, visitorLines } from '../transcript';
import { answerOffline } from './answer';
import { classifyIntentOffline } from './classify-intent';
import { ANSWER_QUESTIONS, CORPUS, CORPUS_INTENTS, type CorpusConversation, KNOWLEDGE } from './fixtures/corpus';
import { CORPUS_MORE } from './fixtures/corpus-more';
import { HELDOUT } from './fixtures/heldout';
import { HELDOUT_2 } from './fixtures/heldout2';
import { prioritizeOffline } from './prioritize';
import { summarizeOffline } from './summarize';

/** Accuracy of the offline provider on the committed corpus, per task; shared by the tests and bench/ai. */

export type TaskScore = { task: string; correct: number; total: number; accuracy: number; misses: string[] };
type Case = { ok: boolean; label: string };

/** Conversations the rules were tuned on; HELDOUT and HELDOUT_2 never were. */
export const TUNING: CorpusConversation[] = [...CORPUS, ...CORPUS_MORE];

function score(task: string, cases: Case[]): TaskScore {
  const correct = cases.filter((c) => c.ok).length;
  return {
    task,
    correct,
    total: cases.length,
    accuracy: cases.length ? correct / cases.length : 0,
    misses: cases.filter((c) => !c.ok).map((c) => c.label),
  };
}

function intentCases(corpus: CorpusConversation[]): Case[] {
  return corpus.map((c) => {
    const text = visitorLines(c.transcript)[0]?.text ?? '';
    const got = classifyIntentOffline({ text, intents: CORPUS_INTENTS }).intentId;
    return { ok: got === c.intent, label: `"${text}" expected ${c.intent}, got ${got}` };
  });
}

function priorityCases(corpus: CorpusConversation[]): Case[] {
  return corpus.map((c) => {
    const got = prioritizeOffline({ transcript: c.transcript });
    const text = lastVisitorText(c.transcript);
    return {
      ok: got.priority === c.priority,
      label: `"${text}" expected ${c.priority}, got ${got.priority} (${got.reason})`,
    };
  });
}

function answerCases(): Case[] {
  return ANSWER_QUESTIONS.map((q) => {
    const got = answerOffline({ question: q.question, knowledge: KNOWLEDGE, instructions: '' });
    const ok = got.found === q.found && (!q.mustContain || got.answer.includes(q.mustContain));
    return { ok, label: `"${q.question}" expected found=${q.found}, got "${got.answer}"` };
  });
}

function summaryDetailCases(corpus: CorpusConversation[]): Case[] {
  return corpus.flatMap((c) => {
    const text = visitorLines(c.transcript)
      .map((l) => l.text)
      .join('\n');
    const expected = capturedDetails(text).map(([, value]) => value);
    if (expected.length === 0) return [];
    const { summary } = summarizeOffline({ transcript: c.transcript, variables: {} });
    return [
      { ok: expected.every((v) => summary.includes(v)), label: `summary misses ${expected.join(', ')}: ${summary}` },
    ];
  });
}

export function measureOfflineAccuracy(): TaskScore[] {
  return [
    score('intent (7 intents + none)', intentCases(TUNING)),
    score('priority (4 levels)', priorityCases(TUNING)),
    score('held-out intent', intentCases(HELDOUT)),
    score('held-out priority', priorityCases(HELDOUT)),
    score('held-out 2 intent', intentCases(HELDOUT_2)),
    score('held-out 2 priority', priorityCases(HELDOUT_2)),
    score('answer found / not found', answerCases()),
    score('summary keeps captured details', summaryDetailCases([...TUNING, ...HELDOUT, ...HELDOUT_2])),
  ];
}
