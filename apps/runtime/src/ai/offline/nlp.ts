import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { PHRASES, SYNONYMS } from './lexicon';

/** One shared wink-nlp instance (loading the model takes ~100 ms) and the few text views the offline provider needs. */
const nlp = winkNLP(model);
const its = nlp.its;
// wink's typings declare the stem helper with a wider signature than `out()` accepts; at run time it is a plain its-function.
const stemOf = its.stem as unknown as typeof its.normal;
const lemmaOf = its.lemma as unknown as typeof its.normal;

const TERM_TYPES = new Set(['word', 'number', 'email', 'hashtag']);

/** Sentences of a text, as written. */
export function sentences(text: string): string[] {
  if (!text.trim()) return [];
  return nlp
    .readDoc(text)
    .sentences()
    .out()
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Stop words that carry meaning for support intents ("someone to talk to"). */
const KEEP = new Set(['someone', 'anyone']);

function normalize(text: string): string {
  return PHRASES.reduce((out, [pattern, token]) => out.replace(pattern, ` ${token} `), text.toLowerCase());
}

/** A content term and the part of speech of the word it came from (NOUN, PROPN, VERB, ADJ, NUM, ...). */
export type TaggedTerm = { term: string; pos: string };

/** Content terms of a text with their part of speech; see `terms`. */
export function taggedTerms(text: string): TaggedTerm[] {
  const tokens = nlp.readDoc(normalize(text)).tokens();
  const words = tokens.out();
  const stems = tokens.out(stemOf);
  const lemmas = tokens.out(lemmaOf);
  const types = tokens.out(its.type);
  const stops = tokens.out(its.stopWordFlag);
  const pos = tokens.out(its.pos);
  const result: TaggedTerm[] = [];
  stems.forEach((stem, i) => {
    if ((stops[i] && !KEEP.has(words[i]!)) || !TERM_TYPES.has(types[i] as string)) return;
    // Irregular forms the stemmer leaves alone ("paid", "sent", "spoke") take their lemma ("pay", "send", "speak").
    const base = stem === words[i] && lemmas[i] && lemmas[i] !== words[i] ? lemmas[i]! : stem;
    const clean = base.replace(/[.]+$/, '');
    if (clean.length < 2 && types[i] !== 'number') return;
    result.push({ term: SYNONYMS[clean] ?? clean, pos: pos[i] ?? 'X' });
  });
  return result;
}

/** Content terms of a text: stems (lemmas for irregular forms) of non-stop-word tokens, lower-cased, with support-domain synonyms folded. */
export function terms(text: string): string[] {
  return taggedTerms(text).map((t) => t.term);
}

/** Sentiment of a text in [-1, 1] from wink's lexicon (negation-aware). */
export function sentiment(text: string): number {
  if (!text.trim()) return 0;
  return nlp.readDoc(text).out(its.sentiment) as number;
}

/** Nouns and proper nouns of a text (as written, lower-cased), skipping stop words: the "topic" words. */
export function nouns(text: string): string[] {
  const tokens = nlp.readDoc(text).tokens();
  const pos = tokens.out(its.pos);
  const stops = tokens.out(its.stopWordFlag);
  return tokens
    .out(its.normal)
    .filter((word, i) => (pos[i] === 'NOUN' || pos[i] === 'PROPN') && !stops[i] && /^[a-z][a-z-]+$/.test(word));
}
