import type { AnswerInput } from '../provider';
import { terms } from './nlp';
import { questionCoverage, retrieve, sectionAsked } from './retrieve';

/** Below this cosine the best knowledge sentence is taken as unrelated (measured on the corpus questions). */
export const ANSWER_THRESHOLD = 0.15;
/** A second sentence joins the answer when it scores at least this share of the best one. */
const COMPANION_RATIO = 0.75;
/**
 * ... or at least this share when it holds a word of the question the best one lacks: "How much does the Pro plan
 * cost per year?" is answered by "Yearly billing saves 20%." only with the Pro line beside it.
 */
const COMPLEMENT_RATIO = 0.5;
/**
 * An answer must hold at least this share of the question's weight (questionCoverage), or the block takes its
 * not-found path: a sentence that shares one word with a question about something else is not an answer.
 */
export const MIN_COVERAGE = 1 / 3;

export const NOT_FOUND_ANSWER = "I'm sorry, I don't have information about that.";

export function answerOffline({ question, knowledge }: AnswerInput): { found: boolean; answer: string } {
  // A question about a whole section ("What are your prices?") gets its items, one a line.
  const section = sectionAsked(question, knowledge);
  if (section && section.length > 1) return { found: true, answer: section.map((item) => `- ${item}`).join('\n') };
  const [best, ...rest] = retrieve(question, knowledge);
  if (!best || best.score < ANSWER_THRESHOLD) return { found: false, answer: NOT_FOUND_ANSWER };
  // Companions in score order: the first close one, and any fair one holding a question word none before holds.
  const asked = new Set(terms(question));
  const covered = new Set(terms(best.sentence).filter((term) => asked.has(term)));
  const picked = [best];
  for (const p of rest) {
    const adds = terms(p.sentence).filter((term) => asked.has(term) && !covered.has(term));
    const close = picked.length === 1 && p.score >= best.score * COMPANION_RATIO;
    if (!close && !(p.score >= best.score * COMPLEMENT_RATIO && adds.length > 0)) continue;
    picked.push(p);
    for (const term of adds) covered.add(term);
  }
  if (questionCoverage(question, knowledge, picked) < MIN_COVERAGE) return { found: false, answer: NOT_FOUND_ANSWER };
  const answer = picked
    .sort((a, b) => a.position - b.position)
    .map((p) => p.sentence)
    .join(' ');
  return { found: true, answer };
}
