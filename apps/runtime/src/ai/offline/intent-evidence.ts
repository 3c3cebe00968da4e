import type { IntentDef } from '../provider';
import { FILLER, HOW_TO_ACTIONS, PHRASES, SYNONYMS } from './lexicon';
import { type TaggedTerm, taggedTerms, terms } from './nlp';
import { asksAboutTheBusiness } from './question-form';
import { TfIdf, type Vector } from './tfidf';

/**
 * What a bot's intents say, term by term. Per intent, a term's evidence is how central it is (the share of the
 * intent's name, phrases and description carrying it, relative to its most frequent term, square-rooted), or, for a
 * term that belongs mostly to this intent, at least EXCLUSIVE_EVIDENCE of that exclusivity: "refund" is full
 * evidence for a refund intent, "plan" (one of five cancel phrases) weak evidence for "cancel subscription",
 * "unsubscribe" (one phrase, but no other intent's) fair evidence. Also the TF-IDF vectors of each example.
 */

const EXCLUSIVE_EVIDENCE = 0.6;

export type IntentEvidence = {
  id: string;
  evidence: (term: string) => number;
  examples: Vector[];
  whole: Vector;
  /** One of its examples asks about what the business offers (question-form.ts). */
  asksAboutTheBusiness: boolean;
};
export type EvidenceIndex = { tfidf: TfIdf; known: Set<string>; intents: IntentEvidence[] };

/** Support concepts and how-to verbs: a message naming one the bot's intents never mention is about something else. */
export const CONCEPTS = new Set<string>([
  ...terms([...Object.values(SYNONYMS), ...PHRASES.map(([, tokens]) => tokens)].join(' ')),
  ...HOW_TO_ACTIONS,
]);

export const contentTerms = (text: string): TaggedTerm[] => taggedTerms(text).filter((t) => !FILLER.has(t.term));
export const intentTerms = (text: string): string[] => contentTerms(text).map((t) => t.term);

function centrality(documents: string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const doc of documents) for (const term of new Set(doc)) counts.set(term, (counts.get(term) ?? 0) + 1);
  const most = Math.max(1, ...counts.values());
  return new Map([...counts].map(([term, n]) => [term, n / most]));
}

const cache = new WeakMap<IntentDef[], EvidenceIndex>();

export function evidenceIndex(intents: IntentDef[]): EvidenceIndex {
  const cached = cache.get(intents);
  if (cached) return cached;
  const perIntent = intents.map((intent) => {
    const examples = [intent.name, ...intent.phrases].map(intentTerms);
    const description = intent.description ? intentTerms(intent.description) : [];
    return { id: intent.id, examples, description, asks: [intent.name, ...intent.phrases].some(asksAboutTheBusiness) };
  });
  const tfidf = new TfIdf(perIntent.flatMap((i) => i.examples));
  const central = perIntent.map((i) => centrality([...i.examples, i.description]));
  const mass = (term: string) => central.reduce((sum, c) => sum + (c.get(term) ?? 0), 0);
  const index: EvidenceIndex = {
    tfidf,
    known: new Set(central.flatMap((c) => [...c.keys()])),
    intents: perIntent.map((i, n) => ({
      id: i.id,
      evidence: (term: string) => {
        const c = central[n]!.get(term) ?? 0;
        return c === 0 ? 0 : Math.max(Math.sqrt(c), (EXCLUSIVE_EVIDENCE * c) / mass(term));
      },
      examples: i.examples.map((e) => tfidf.vector(e)),
      whole: tfidf.vector([...i.examples.flat(), ...i.description]),
      asksAboutTheBusiness: i.asks,
    })),
  };
  cache.set(intents, index);
  return index;
}
