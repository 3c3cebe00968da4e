import { chunkHeadings } from './split';

/** A question word with its rarity in the searched sources (BM25's IDF; the rarest possible for an unknown word). */
export interface WeightedWord {
  word: string;
  idf: number;
}

export interface RerankInput {
  title: string;
  content: string;
}

/** BM25's term-frequency saturation and length normalisation (the usual values). */
const K1 = 1.2;
const B = 0.75;
/**
 * What a question word in the chunk's section headings or in its page title adds, in body-occurrence units: a page's
 * title names its one topic ("npm-link", an article's subject), a section heading only a part of it.
 */
const HEADING_WEIGHT = 0.5;
const TITLE_WEIGHT = 2;
/** Two of the question's words written next to each other (within this many words) are likely its phrase. */
const PROXIMITY_WINDOW = 3;
const PROXIMITY_WEIGHT = 0.5;

/** Words of a question that ask rather than name a topic ("how long does it take"); they never count as evidence. */
const QUESTION_FILLER = new Set(
  'long take takes taking get gets getting tell know need want much many please way possible able help like would could should hello hi thanks thank'.split(
    ' ',
  ),
);
export const isQuestionFiller = (word: string) => QUESTION_FILLER.has(word);

export const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** English endings a word may add to another and stay the same word: "work" is not "workspaces". */
const ENDINGS = new Set([
  '',
  's',
  'es',
  'e',
  'd',
  'ed',
  'ing',
  'ion',
  'ions',
  'ation',
  'er',
  'ers',
  'y',
  'ies',
  'ied',
  'ly',
  'ment',
  'able',
]);

/**
 * "refunds" ~ "refund", "deprecation" ~ "deprecate", "shipping" ~ "ship": the shorter word (at least 3 letters;
 * less a final "e", or its last letter when it is long) starts the longer one, which only adds an English ending.
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 3) return false;
  const endsWell = (base: string) => {
    if (!long.startsWith(base)) return false;
    const ending = long.slice(base.length);
    // "shipping": the last letter doubled before the ending.
    return ENDINGS.has(ending) || (ending[0] === base.at(-1) && ENDINGS.has(ending.slice(1)));
  };
  return endsWell(short) || ((short.length > 5 || short.endsWith('e')) && endsWell(short.slice(0, -1)));
}

export interface Scored {
  /** BM25 over the body, with heading, title and phrase bonuses, times the question's coverage. */
  score: number;
  /** Share of the question's rarity weight the chunk holds in its headings, title or body (0..1). */
  coverage: number;
}

/**
 * A second look at the full-text candidates, reading what PostgreSQL's rank cannot weigh: each question word's
 * rarity times BM25 over the chunk's body, a bonus when the chunk's section headings or its page title name the
 * word, a bonus for the question's words written together, and the share of the question's weight covered — a
 * chunk naming every word of the question beats one repeating its most common one.
 */
export function scoreChunk(words: WeightedWord[], chunk: RerankInput, averageLength: number): Scored {
  const heading = wordsOf(chunkHeadings(chunk.content));
  const title = wordsOf(chunk.title);
  const body = wordsOf(chunk.content.replace(/^(\s{0,3}#{1,6}\s.*\n)+/, ''));
  const total = words.reduce((sum, w) => sum + w.idf, 0);
  if (total === 0) return { score: 0, coverage: 0 };
  const norm = K1 * (1 - B + (B * body.length) / Math.max(1, averageLength));
  const positions = words.map((w) => body.flatMap((token, i) => (sameWord(w.word, token) ? [i] : [])));
  let score = 0;
  let covered = 0;
  words.forEach((w, i) => {
    const tf = positions[i]!.length;
    const inHeading = heading.some((token) => sameWord(w.word, token));
    const inTitle = title.some((token) => sameWord(w.word, token));
    if (tf > 0 || inHeading || inTitle) covered += w.idf;
    score += w.idf * ((tf * (K1 + 1)) / (tf + norm) + (inHeading ? HEADING_WEIGHT : 0) + (inTitle ? TITLE_WEIGHT : 0));
  });
  for (let i = 1; i < words.length; i++) {
    const near = positions[i - 1]!.some((a) =>
      positions[i]!.some((b) => b !== a && Math.abs(b - a) <= PROXIMITY_WINDOW),
    );
    if (near) score += PROXIMITY_WEIGHT * Math.min(words[i - 1]!.idf, words[i]!.idf);
  }
  const coverage = covered / total;
  return { score: score * coverage, coverage };
}

/** The candidates in their new order, best first, each with its score and coverage. */
export function rerank<T extends RerankInput>(words: WeightedWord[], candidates: T[]): Array<T & Scored> {
  const lengths = candidates.map((c) => wordsOf(c.content).length);
  const average = lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, lengths.length);
  return candidates
    .map((candidate, index) => ({ candidate, index, scored: scoreChunk(words, candidate, average) }))
    .sort((a, b) => b.scored.score - a.scored.score || a.index - b.index)
    .map(({ candidate, scored }) => ({ ...candidate, ...scored }));
}
