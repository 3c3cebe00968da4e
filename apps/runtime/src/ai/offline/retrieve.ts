import { sentences, terms } from './nlp';
import { cosine, TfIdf } from './tfidf';

/** Sentence retrieval over a knowledge text: the sentences most similar to a question, best first. */

export type Passage = { sentence: string; position: number; score: number };

type KnowledgeIndex = { tfidf: TfIdf; passages: Array<{ sentence: string; vector: Map<string, number> }> };

const cache = new Map<string, KnowledgeIndex>();
const CACHE_LIMIT = 50;

function indexFor(knowledge: string): KnowledgeIndex {
  const hit = cache.get(knowledge);
  if (hit) return hit;
  const list = sentences(knowledge);
  const docs = list.map(terms);
  const tfidf = new TfIdf(docs);
  const index = { tfidf, passages: list.map((sentence, i) => ({ sentence, vector: tfidf.vector(docs[i]!) })) };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(knowledge, index);
  return index;
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
