import type { Intent } from '@flowdesk/flow-schema';

/**
 * Small word-overlap matching for the builder preview, which runs in the browser without the
 * runtime's AI. It is labelled "simulated" in the preview; the runtime uses its real AI provider.
 */
const STOPWORDS = new Set(
  'a an the i me my you your we our to of in on for and or is are am be can could would please with it this that do does how what'.split(
    ' ',
  ),
);

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0 && !STOPWORDS.has(w));
}

/** How much of `phrase` appears in `text` (1 when the whole phrase is contained). */
export function overlap(text: string, phrase: string): number {
  const normalized = ` ${words(text).join(' ')} `;
  const phraseWords = words(phrase);
  if (phraseWords.length === 0) return 0;
  if (normalized.includes(` ${phraseWords.join(' ')} `)) return 1;
  const textWords = new Set(words(text));
  return phraseWords.filter((w) => textWords.has(w)).length / phraseWords.length;
}

export function classifyLexically(text: string, intents: Intent[]): { intentId: string | null; confidence: number } {
  let best: { intentId: string | null; confidence: number } = { intentId: null, confidence: 0 };
  for (const intent of intents) {
    for (const phrase of [intent.name, ...intent.phrases]) {
      const score = overlap(text, phrase);
      if (score > best.confidence) best = { intentId: intent.id, confidence: score };
    }
  }
  return best;
}

/** The knowledge sentence sharing the most words with the question, if it shares at least two. */
export function answerFromKnowledge(question: string, knowledge: string): { found: boolean; answer: string } {
  const asked = new Set(words(question));
  let best = { score: 0, sentence: '' };
  for (const sentence of knowledge.split(/(?<=[.!?])\s+|\n+/)) {
    const score = new Set(words(sentence).filter((w) => asked.has(w))).size;
    // A list item is quoted without its marker, as a live chat's offline answer quotes it.
    if (score > best.score) best = { score, sentence: sentence.trim().replace(/^(?:[-*•]|\d{1,3}[.)])\s+/, '') };
  }
  return best.score >= 2 ? { found: true, answer: best.sentence } : { found: false, answer: '' };
}
