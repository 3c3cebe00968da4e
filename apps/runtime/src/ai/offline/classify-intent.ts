import type { ClassifyIntentInput, IntentDef } from '../provider';
import { DEFAULT_INTENT_THRESHOLD } from '../provider';
import { terms } from './nlp';
import { cosine, TfIdf, type Vector } from './tfidf';

/** Lexical intent matching: TF-IDF cosine between the message and each intent's name, description and phrases. */

type IntentIndex = { tfidf: TfIdf; intents: Array<{ id: string; examples: Vector[]; whole: Vector }> };

const indexCache = new WeakMap<IntentDef[], IntentIndex>();

function buildIndex(intents: IntentDef[]): IntentIndex {
  const perIntent = intents.map((intent) => {
    const examples = [intent.name, ...intent.phrases].map(terms);
    const description = intent.description ? terms(intent.description) : [];
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
  const query = index.tfidf.vector(terms(text));
  return index.intents
    .map(({ id, examples, whole }) => {
      const best = Math.max(0, ...examples.map((e) => cosine(query, e)));
      const raw = Math.max(best, 0.85 * cosine(query, whole));
      return { intentId: id, confidence: Math.min(1, raw * CALIBRATION) };
    })
    .sort((a, b) => b.confidence - a.confidence);
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
