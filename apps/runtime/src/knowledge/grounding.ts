import { type Citation, MAX_CITATIONS } from '@flowdesk/contract';
import type { Kysely } from 'kysely';
import { terms } from '../ai/offline/nlp';
import type { Database } from '../db/schema';
import { answerFromPassages } from './passage-answer';
import { readablePassage } from './readable';
import { searchChunksLexical } from './search';
import { chunkHeadings } from './split';

/** Passages of the chosen sources sent with one question (the model's context; the offline answer's text). */
export const GROUNDING_PASSAGES = 5;

/**
 * The relevance cut-off: one of the chunks found must hold this share of the question's rarity-weighted words (in its text,
 * section headings or title), else the sources do not cover the question and the block takes its not-found path
 * (offline and with a model alike). Calibrated on the npm docs benchmark (BENCHMARKS.md, "Knowledge base").
 */
export const MIN_COVERAGE = 0.6;

/** One retrieved chunk as it travels with the effect's request (stored in pending_effects as JSON). */
export interface RetrievedPassage {
  chunkId: number;
  title: string;
  url: string | null;
  text: string;
  /** The section of its page or file the passage comes from ("Configuration › save"); absent for older requests. */
  section?: string;
}

/** What an AI block's request carries once its knowledge sources were searched. */
export interface Grounded {
  knowledgeSourceIds?: string[];
  retrieved?: RetrievedPassage[];
}

/**
 * Searches the block's knowledge sources for `question` (workspace-scoped full-text search, one short read:
 * call it inside the step's transaction, never around a model call); none when they fall below the cut-offs.
 */
export async function retrievePassages(
  db: Kysely<Database>,
  workspaceId: string,
  sourceIds: string[],
  question: string,
): Promise<RetrievedPassage[]> {
  if (sourceIds.length === 0 || !question.trim()) return [];
  const hits = await searchChunksLexical(db, { workspaceId, sourceIds, question, limit: GROUNDING_PASSAGES });
  if (!hits.some((hit) => (hit.coverage ?? 0) >= MIN_COVERAGE)) return [];
  const passages = hits
    .map((hit) => ({
      chunkId: hit.id,
      title: hit.title,
      url: hit.url,
      text: readablePassage(hit.content),
      section: chunkHeadings(hit.content),
    }))
    .filter((passage) => passage.text !== '');
  // The same evidence the offline answer needs: one sentence, read under its title and section, covering the
  // question. Without it the block takes its not-found path, offline and with a model alike (a model key still adds
  // passages found by meaning after the step, see hybrid-passages.ts).
  return answerFromPassages(question, passages).found ? passages : [];
}

/** The block's own knowledge text followed by the retrieved passages, one paragraph each. */
export function groundedKnowledge(ownKnowledge: string, retrieved: RetrievedPassage[] | undefined): string {
  return [ownKnowledge.trim(), ...(retrieved ?? []).map((p) => p.text)].filter(Boolean).join('\n\n');
}

/**
 * Whether a block with chosen sources has nothing to answer from: no passage found and no text of its own.
 * Such a question takes the not-found path without asking the model, so nothing is made up.
 */
export function nothingToAnswerFrom(request: Grounded & { knowledge: string }): boolean {
  return (request.knowledgeSourceIds?.length ?? 0) > 0 && !request.knowledge.trim() && !request.retrieved?.length;
}

/** Share of an answer's terms a passage must hold to count as its source. */
const SOURCE_OVERLAP = 0.5;

/**
 * The sources an answer was drawn from: the passages that hold most of its words (the offline answer quotes
 * one; a model paraphrases), best first, one citation per title + url. When none clearly does, an answer
 * cites the best ranked passage (it was written from the passages given); an agent's reply (often a question
 * back, such as asking for an email) cites nothing.
 */
export function citationsFor(
  answer: string,
  retrieved: RetrievedPassage[] | undefined,
  { orBest = true }: { orBest?: boolean } = {},
): Citation[] {
  if (!retrieved?.length) return [];
  const answerTerms = new Set(terms(answer));
  const overlap = (passage: RetrievedPassage) => {
    if (answerTerms.size === 0) return 0;
    const held = new Set(terms(passage.text));
    return [...answerTerms].filter((term) => held.has(term)).length / answerTerms.size;
  };
  const scored = retrieved.map((passage) => ({ passage, score: overlap(passage) }));
  const used = scored.filter((s) => s.score >= SOURCE_OVERLAP).sort((a, b) => b.score - a.score);
  const picked = used.length > 0 ? used.map((s) => s.passage) : orBest ? retrieved.slice(0, 1) : [];
  const seen = new Set<string>();
  const citations: Citation[] = [];
  for (const passage of picked) {
    const url = passage.url && /^https?:\/\//i.test(passage.url) ? passage.url : undefined;
    const key = `${passage.title}\n${url ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    citations.push({ title: passage.title.slice(0, 300) || 'Source', ...(url ? { url } : {}) });
  }
  return citations.slice(0, MAX_CITATIONS);
}
