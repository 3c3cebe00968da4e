import type { AnswerInput } from '../provider';
import { retrieve, sectionAsked } from './retrieve';

/** Below this cosine the best knowledge sentence is taken as unrelated (measured on the corpus questions). */
export const ANSWER_THRESHOLD = 0.15;
/** A second sentence joins the answer when it scores at least this share of the best one. */
const COMPANION_RATIO = 0.75;

export const NOT_FOUND_ANSWER = "I'm sorry, I don't have information about that.";

export function answerOffline({ question, knowledge }: AnswerInput): { found: boolean; answer: string } {
  // A question about a whole section ("What are your prices?") gets its items, one a line.
  const section = sectionAsked(question, knowledge);
  if (section && section.length > 1) return { found: true, answer: section.map((item) => `- ${item}`).join('\n') };
  const [best, ...rest] = retrieve(question, knowledge);
  if (!best || best.score < ANSWER_THRESHOLD) return { found: false, answer: NOT_FOUND_ANSWER };
  const picked = [best, ...rest.filter((p) => p.score >= best.score * COMPANION_RATIO).slice(0, 1)];
  const answer = picked
    .sort((a, b) => a.position - b.position)
    .map((p) => p.sentence)
    .join(' ');
  return { found: true, answer };
}
