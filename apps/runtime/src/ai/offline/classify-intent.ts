import type { ClassifyIntentInput, IntentDef } from '../provider';
import { DEFAULT_INTENT_THRESHOLD } from '../provider';
import { CONCEPTS, contentTerms, type EvidenceIndex, evidenceIndex, intentTerms } from './intent-evidence';
import { asksAboutTheBusiness } from './question-form';
import { cosine } from './tfidf';
import { closestKnownTerm } from './typo';

/**
 * Lexical intent matching with a calibrated confidence (issue 18). Two measures per intent, combined by geometric
 * mean so that either one being low keeps the confidence low:
 * - coverage: the share of the message the intent explains. Each content term weighs what it means to the bot (how
 *   central it is to its strongest intent, intent-evidence.ts); an intent explains a term as far as the term is
 *   central to it. Words no intent mentions weigh too: a support concept or a how-to verb the bot has no intent
 *   for ("how much" in a bot without pricing, "export my data") and unknown nouns (a topic: "PayPal") fully,
 *   other unknown words (verbs, numbers) a little, and all unknown words together at most UNKNOWN_CAP, so a long
 *   message that asks for a person among many other words still does.
 * - strength: how close the message is to the intent's best example (TF-IDF cosine, scaled so a clear paraphrase
 *   reaches 1), which keeps paraphrases of one example ahead of scattered shared words.
 * A threshold of 0.6 therefore means "this intent explains most of what the visitor wrote and resembles one of its
 * examples"; a message sharing one word with an intent ("I want to upgrade my plan" in a bot with only "cancel
 * subscription") stays under it (0.53), where the capped scaled cosine alone scored it 1.0. The constants below were
 * chosen on the tuning corpus and the in-scope / out-of-scope sets (BENCHMARKS.md, AI section).
 */

/** Weight of an unknown word, relative to a known term central to its intent, by what kind of word it is. */
const UNKNOWN_WEIGHT = { concept: 1, noun: 1, other: 0.1 };
/** Most weight all unknown words of a message carry together. */
const UNKNOWN_CAP = 0.75;
/** Weight of strength against coverage in the geometric mean, and the exponent of the result. */
const STRENGTH_SHARE = 0.4;
const EXPONENT = 0.8;
/** Raw cosine of short texts rarely exceeds ~0.6 even for clear paraphrases; 0.52 and up counts as a full match. */
const COSINE_SCALE = 1.92;
/** Query terms no example has count half in the cosine, as before calibration. */
const UNKNOWN_COSINE_WEIGHT = 0.5;

/**
 * A message asking about what the business offers ("Do you ship to Canada?", question-form.ts), scored for an intent
 * none of whose examples asks that way: it is no paraphrase of them, so strength may not exceed coverage, and its
 * unknown words (the thing asked about: "Canada") weigh up to one whole word rather than UNKNOWN_CAP.
 */
const ASKED_UNKNOWN_CAP = 1;

const NOUNS = new Set(['NOUN', 'PROPN']);

type WeightedTerm = { term: string; weight: number; known: boolean };

function weightedTerms(text: string, index: EvidenceIndex): WeightedTerm[] {
  const seen = new Set<string>();
  const result: WeightedTerm[] = [];
  for (const { term: written, pos } of contentTerms(text)) {
    const term = index.known.has(written) ? written : (closestKnownTerm(written, index.known) ?? written);
    if (seen.has(term)) continue;
    seen.add(term);
    if (index.known.has(term)) {
      result.push({ term, known: true, weight: Math.max(...index.intents.map((i) => i.evidence(term))) });
    } else {
      const kind = CONCEPTS.has(term) ? 'concept' : NOUNS.has(pos) ? 'noun' : 'other';
      result.push({ term, known: false, weight: UNKNOWN_WEIGHT[kind] });
    }
  }
  return result;
}

function coverages(text: string, index: EvidenceIndex, cap = UNKNOWN_CAP): number[] {
  const words = weightedTerms(text, index);
  const sum = (list: WeightedTerm[]) => list.reduce((total, w) => total + w.weight, 0);
  const total = sum(words.filter((w) => w.known)) + Math.min(cap, sum(words.filter((w) => !w.known)));
  if (total === 0) return index.intents.map(() => 0);
  return index.intents.map((intent) => words.reduce((s, w) => s + w.weight * intent.evidence(w.term), 0) / total);
}

function strengths(text: string, index: EvidenceIndex): number[] {
  const { tfidf } = index;
  const query = tfidf.vector(intentTerms(text));
  for (const [term, w] of query) if (!tfidf.knows(term)) query.set(term, w * UNKNOWN_COSINE_WEIGHT);
  return index.intents.map(({ examples, whole }) => {
    const raw = Math.max(0, ...examples.map((e) => cosine(query, e)), 0.85 * cosine(query, whole));
    return Math.min(1, raw * COSINE_SCALE);
  });
}

export function scoreIntents(text: string, intents: IntentDef[]): Array<{ intentId: string; confidence: number }> {
  const index = evidenceIndex(intents);
  const strength = strengths(text, index);
  const usual = coverages(text, index);
  const asked = asksAboutTheBusiness(text) ? coverages(text, index, ASKED_UNKNOWN_CAP) : null;
  const confidence = (coverage: number, strength: number) =>
    (coverage ** (1 - STRENGTH_SHARE) * strength ** STRENGTH_SHARE) ** EXPONENT;
  return index.intents
    .map((intent, i) => ({
      intentId: intent.id,
      confidence:
        asked && !intent.asksAboutTheBusiness
          ? confidence(asked[i]!, Math.min(asked[i]!, strength[i]!))
          : confidence(usual[i]!, strength[i]!),
    }))
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
