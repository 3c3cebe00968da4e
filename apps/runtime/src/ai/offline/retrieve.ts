import { sentences, terms } from './nlp';
import { cosine, TfIdf } from './tfidf';

/** Sentence retrieval over a knowledge text: the sentences most similar to a question, best first. */

export type Passage = { sentence: string; position: number; score: number };

type KnowledgeIndex = {
  tfidf: TfIdf;
  passages: Array<{ sentence: string; vector: Map<string, number> }>;
  /** Each heading's terms and the sentences under it, in order. */
  sections: Array<{ terms: Set<string>; sentences: string[] }>;
};

const cache = new Map<string, KnowledgeIndex>();
const CACHE_LIMIT = 50;

const LIST_ITEM = /^\s*(?:[-*•]|\d{1,3}[.)])\s+/;
/** "Technical help:", "Acme Chat pricing:" — a short line naming the lines under it. */
const HEADING = /^\s*([^.!?]{1,60}):\s*$/;

/**
 * The knowledge as sentences, each with the heading it stands under. A list item is its own passage (the sentence
 * splitter ran a whole list into one "sentence", so a question about one item was answered with the list); a
 * heading is read with the lines under it, never quoted; other lines are joined into paragraphs first, so prose
 * wrapped across lines stays whole.
 */
export function knowledgeSentences(knowledge: string): Array<{ sentence: string; heading: string }> {
  const out: Array<{ sentence: string; heading: string }> = [];
  let heading = '';
  let paragraph: string[] = [];
  const flush = () => {
    for (const sentence of sentences(paragraph.join(' '))) out.push({ sentence, heading });
    paragraph = [];
  };
  for (const line of knowledge.split('\n')) {
    const title = HEADING.exec(line);
    if (!line.trim()) flush();
    else if (title) {
      flush();
      heading = title[1]!.trim();
    } else if (LIST_ITEM.test(line)) {
      flush();
      paragraph.push(line.replace(LIST_ITEM, ''));
      flush();
    } else paragraph.push(line.trim());
  }
  flush();
  return out;
}

function indexFor(knowledge: string): KnowledgeIndex {
  const hit = cache.get(knowledge);
  if (hit) return hit;
  const list = knowledgeSentences(knowledge);
  const docs = list.map((s) => terms(s.heading ? `${s.heading}. ${s.sentence}` : s.sentence));
  const tfidf = new TfIdf(docs);
  const sections = new Map<string, string[]>();
  for (const { heading, sentence } of list)
    if (heading) sections.set(heading, [...(sections.get(heading) ?? []), sentence]);
  const index = {
    tfidf,
    passages: list.map((s, i) => ({ sentence: s.sentence, vector: tfidf.vector(docs[i]!) })),
    sections: [...sections].map(([heading, sentences]) => ({ terms: new Set(terms(heading)), sentences })),
  };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(knowledge, index);
  return index;
}

/** Most list items a whole section answer quotes. */
const SECTION_LIMIT = 8;

/**
 * The sentences under the heading a question asks about as a whole ("What are your prices?" under "Acme Chat
 * pricing:"): every term of the question is one of the heading's. Null when no heading covers the question.
 */
export function sectionAsked(question: string, knowledge: string): string[] | null {
  const asked = new Set(terms(question));
  if (asked.size === 0 || !knowledge.trim()) return null;
  const section = indexFor(knowledge).sections.find((s) => [...asked].every((term) => s.terms.has(term)));
  return section ? section.sentences.slice(0, SECTION_LIMIT) : null;
}

export function retrieve(question: string, knowledge: string, limit = 3): Passage[] {
  if (!knowledge.trim() || !question.trim()) return [];
  const { tfidf, passages } = indexFor(knowledge);
  const query = tfidf.vector(terms(question));
  return passages
    .map((p, position) => ({ sentence: p.sentence, position, score: cosine(query, p.vector) }))
    .filter((p) => p.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/**
 * The share of a question's weight that the chosen passages (read under their headings) hold, each question word
 * weighing its rarity in the knowledge; a word the knowledge never uses weighs the most, since it names what the
 * knowledge may not cover ("Export to PDF fails with error 500" shares only "export" with "Export conversations as
 * CSV"). 1 when the question has no words to weigh.
 */
export function questionCoverage(question: string, knowledge: string, chosen: Passage[]): number {
  const asked = [...new Set(terms(question))];
  if (asked.length === 0) return 1;
  const { tfidf, passages } = indexFor(knowledge);
  // A passage's vector holds the terms of its sentence read under its heading.
  const held = new Set(chosen.flatMap(({ position }) => [...(passages[position]?.vector.keys() ?? [])]));
  const weight = (words: string[]) => words.reduce((sum, term) => sum + tfidf.weight(term), 0);
  return weight(asked.filter((term) => held.has(term))) / weight(asked);
}
