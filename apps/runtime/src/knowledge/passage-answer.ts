import { terms } from '../ai/offline/nlp';
import type { RetrievedPassage } from './grounding';
import { isQuestionFiller, sameWord, wordsOf } from './rerank';

/**
 * Share of the question's topic words the chosen sentence must hold to answer (else: not found), each word weighted
 * by its rarity among the passages' sentences: "npm" in npm's docs counts for little, a word no passage holds
 * ("PayPal") for the most, so a question about something the sources never mention is not answered by a sentence
 * that only shares its everyday words.
 */
export const PASSAGE_COVERAGE = 0.5;
/** Fewer words than this is a heading, a list item or a command line, not a sentence that answers. */
const MIN_SENTENCE_WORDS = 4;
/** The longest reply quoted from the passages. */
const MAX_REPLY_CHARS = 420;

/**
 * Sentences of a passage: a break after . ! or ? followed by a space and a capital, digit or opening quote. Help
 * text names files and versions (".npmrc", "Node.js", "package-lock.json"), where a general splitter breaks.
 */
export function passageSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+(?=["'“‘([]?[\p{Lu}\p{N}])/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** The question's topic words: not stop words (no offline term), not question filler. */
function topicWords(question: string): string[] {
  return [...new Set(wordsOf(question))].filter((w) => !isQuestionFiller(w) && terms(w).length > 0);
}

interface Candidate {
  passage: number;
  index: number;
  sentence: string;
  /** Topic words the sentence itself holds. */
  own: string[];
  /** ... or its passage's title or section holds (a page's, a file's, a Q&A pair's question: what it is about). */
  held: string[];
}

/** A passage ranked lower gives its sentences this much less weight per place (the ranking read more of it). */
const RANK_DISCOUNT = 0.25;
/** A topic word the sentence only holds through its title or section counts this share of its weight. */
const CONTEXT_SHARE = 0.5;

/**
 * The offline answer from retrieved passages: the sentence holding most of the question's topic words (rarer
 * words weigh more; words of its passage's title and section count half; passages ranked lower count a little
 * less), with the sentence after it when that one holds topic words too or the sentence introduces it, the one
 * before when it holds topic words the chosen one lacks, and one more of the same passage holding topic words none of
 * those holds ("recommend" in a question on how to install), in order.
 * Not found when no sentence, read under its passage's title and section, holds at least half of the topic
 * words' weight: nothing is made up.
 */
export function answerFromPassages(
  question: string,
  retrieved: RetrievedPassage[],
): { found: boolean; answer: string; passage?: RetrievedPassage } {
  const topic = topicWords(question);
  if (topic.length === 0 || retrieved.length === 0) return { found: false, answer: '' };
  const holding = (words: string[]) => topic.filter((t) => words.some((w) => sameWord(t, w)));
  const candidates: Candidate[] = retrieved.flatMap((passage, p) => {
    const inContext = holding(wordsOf(`${passage.title} ${passage.section ?? ''}`));
    return passageSentences(passage.text).map((sentence, index) => {
      const own = holding(wordsOf(sentence));
      return { passage: p, index, sentence, own, held: [...new Set([...own, ...inContext])] };
    });
  });
  const df = (word: string) => candidates.filter((c) => c.held.includes(word)).length;
  const weight = (word: string) => Math.log(1 + candidates.length / (1 + df(word)));
  const score = (words: string[]) => words.reduce((sum, word) => sum + weight(word), 0);
  const topicWeight = score(topic);
  const value = (c: Candidate) =>
    (score(c.own) + CONTEXT_SHARE * (score(c.held) - score(c.own))) * Math.max(0, 1 - RANK_DISCOUNT * c.passage);
  const best = candidates
    .filter((c) => wordsOf(c.sentence).length >= MIN_SENTENCE_WORDS && score(c.held) / topicWeight >= PASSAGE_COVERAGE)
    .sort((a, b) => value(b) - value(a) || a.passage - b.passage || a.index - b.index)[0];
  if (!best) return { found: false, answer: '' };
  const passage = retrieved[best.passage]!;
  // A passage titled by a question (a Q&A pair) is its answer as the admin wrote it, short sentences included
  // ("Yes. At checkout you can pay with Apple Pay…"), not the one sentence that shares the most words.
  if (/\?\s*$/.test(passage.title) && passage.text.trim().length <= MAX_REPLY_CHARS) {
    return { found: true, answer: passage.text.trim(), passage };
  }
  const neighbour = candidates.find(
    (c) =>
      c.passage === best.passage &&
      c.index === best.index + 1 &&
      (c.own.length > 0 || /:$/.test(best.sentence) || wordsOf(best.sentence).length < 2 * MIN_SENTENCE_WORDS),
  );
  // The sentence before joins when it holds topic words the chosen one lacks (a setting's "Default: …" line).
  const previous = candidates.find(
    (c) =>
      c.passage === best.passage &&
      c.index === best.index - 1 &&
      wordsOf(c.sentence).length >= MIN_SENTENCE_WORDS &&
      c.own.some((word) => !best.own.includes(word)),
  );
  // Further on in the passage (or before), the sentence holding the most weight of topic words none of these holds.
  const covered = new Set([...best.own, ...(previous?.own ?? []), ...(neighbour?.own ?? [])]);
  const gain = (c: Candidate) => score(c.own.filter((word) => !covered.has(word)));
  const complement = candidates
    .filter(
      (c) =>
        c.passage === best.passage &&
        Math.abs(c.index - best.index) > 1 &&
        wordsOf(c.sentence).length >= MIN_SENTENCE_WORDS &&
        gain(c) > 0,
    )
    .sort((a, b) => gain(b) - gain(a))[0];
  const before = [
    ...(complement && complement.index < best.index ? [complement.sentence] : []),
    ...(previous ? [previous.sentence] : []),
  ];
  const after = [
    ...(neighbour ? [neighbour.sentence] : []),
    ...(complement && complement.index > best.index ? [complement.sentence] : []),
  ];
  // The longest of these that fits: both neighbours, the one before, the one after, the sentence alone.
  const answer =
    [
      [...before, best.sentence, ...after],
      [...before, best.sentence],
      [best.sentence, ...after],
    ]
      .map((sentences) => sentences.join(' '))
      .find((reply) => reply.length <= MAX_REPLY_CHARS) ?? best.sentence;
  return { found: true, answer: trimmed(answer), passage };
}

/** A sentence too long to quote is cut at a word and ends with an ellipsis. */
function trimmed(text: string): string {
  if (text.length <= MAX_REPLY_CHARS) return text;
  const cut = text.slice(0, MAX_REPLY_CHARS);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '')}…`;
}
