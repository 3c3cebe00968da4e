import type { ClassifyIntentInput, IntentDef } from '../provider';
import { DEFAULT_INTENT_THRESHOLD } from '../provider';
import { FILLER } from './lexicon';
import { terms } from './nlp';
import { cosine, TfIdf, type Vector } from './tfidf';

/**
 * Lexical intent matching: TF-IDF cosine between the message and each intent's name, description and phrases, over
 * concept terms (see lexicon.ts). Filler words are dropped, and words no intent mentions count for less: they still
 * dilute a match (so a long unrelated message stays below the threshold) but cannot drown the one word that says
 * what the visitor wants ("is a staff member around to answer a few questions?").
 */

const intentTerms = (text: string) => terms(text).filter((t) => !FILLER.has(t));

/** Weight of a term that appears in no intent, relative to its (maximal) IDF weight. */
const UNKNOWN_WEIGHT = 0.5;

type IntentIndex = { tfidf: TfIdf; intents: Array<{ id: string; examples: Vector[]; whole: Vector }> };

const indexCache = new WeakMap<IntentDef[], IntentIndex>();

function buildIndex(intents: IntentDef[]): IntentIndex {
  const perIntent = intents.map((intent) => {
    const examples = [intent.name, ...intent.phrases].map(intentTerms);
    const description = intent.description ? intentTerms(intent.description) : [];
    return { id: intent.id, examples, whole: [...examples.flat(), ...description] };
  });
  const tfidf = new TfIdf(perIntent.flatMap((i) => i.examples));
  return {
    tfidf,
    intents: perIntent.map((i) => ({
      id: i.id,
      examples: i.examples.map((e) => tfidf.vector(e)),
      whole: tfidf.vector(i.whole),
    })),
  };
}

/**
 * Raw cosine of short texts rarely exceeds ~0.6 even for clear paraphrases, so the best score is scaled by
 * CALIBRATION to put the decision point (measured on the corpus) at the 0.6 default threshold (raw cosine ≈ 0.31).
 */
const CALIBRATION = 1.92;

export function scoreIntents(text: string, intents: IntentDef[]): Array<{ intentId: string; confidence: number }> {
  let index = indexCache.get(intents);
  if (!index) {
    index = buildIndex(intents);
    indexCache.set(intents, index);
  }
  const { tfidf } = index;
  const query = tfidf.vector(intentTerms(text));
  for (const [term, w] of query) if (!tfidf.knows(term)) query.set(term, w * UNKNOWN_WEIGHT);
  return index.intents
    .map(({ id, examples, whole }) => {
      const best = Math.max(0, ...examples.map((e) => cosine(query, e)));
      return { intentId: id, raw: Math.max(best, 0.85 * cosine(query, whole)) };
    })
    .sort((a, b) => b.raw - a.raw) // by raw score, so two intents capped at 1 keep their order
    .map(({ intentId, raw }) => ({ intentId, confidence: Math.min(1, raw * CALIBRATION) }));
}

export function classifyIntentOffline({ text, intents, threshold = DEFAULT_INTENT_THRESHOLD }: ClassifyIntentInput): {
  intentId: string | null;
  confidence: number;
} {
  const [best] = scoreIntents(text, intents);
  if (!best) return { intentId: null, confidence: 0 };
  const confidence = Math.round(best.confidence * 1000) / 1000;
  return { intentId: best.confidence >= threshold ? best.intentId : null, confidence };
}
