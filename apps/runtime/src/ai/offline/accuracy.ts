import { capturedDetails } from '../fields';
import { lastVisitorText, visitorLines } from '../transcript';
import { answerOffline } from './answer';
import { classifyIntentOffline } from './classify-intent';
import { ANSWER_QUESTIONS, CORPUS, CORPUS_INTENTS, KNOWLEDGE } from './corpus.test-data';
import { prioritizeOffline } from './prioritize';
import { summarizeOffline } from './summarize';

/** Accuracy of the offline provider on the committed corpus, per task; shared by the tests and bench/ai. */

export type TaskScore = { task: string; correct: number; total: number; accuracy: number; misses: string[] };

function score(task: string, cases: Array<{ ok: boolean; label: string }>): TaskScore {
  const correct = cases.filter((c) => c.ok).length;
  return {
    task,
    correct,
    total: cases.length,
    accuracy: cases.length ? correct / cases.length : 0,
    misses: cases.filter((c) => !c.ok).map((c) => c.label),
  };
}

export function measureOfflineAccuracy(): TaskScore[] {
  const intent = CORPUS.map((c) => {
    const text = visitorLines(c.transcript)[0]?.text ?? '';
    const got = classifyIntentOffline({ text, intents: CORPUS_INTENTS }).intentId;
    return { ok: got === c.intent, label: `"${text}" expected ${c.intent}, got ${got}` };
  });
  const priority = CORPUS.map((c) => {
    const got = prioritizeOffline({ transcript: c.transcript });
    return {
      ok: got.priority === c.priority,
      label: `"${lastVisitorText(c.transcript)}" expected ${c.priority}, got ${got.priority} (${got.reason})`,
    };
  });
  const answer = ANSWER_QUESTIONS.map((q) => {
    const got = answerOffline({ question: q.question, knowledge: KNOWLEDGE, instructions: '' });
    const ok = got.found === q.found && (!q.mustContain || got.answer.includes(q.mustContain));
    return { ok, label: `"${q.question}" expected found=${q.found}, got "${got.answer}"` };
  });
  const details = CORPUS.flatMap((c) => {
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
  return [
    score('intent (7 intents + none)', intent),
    score('priority (4 levels)', priority),
    score('answer found / not found', answer),
    score('summary keeps captured details', details),
  ];
}
