import type { FlowDocument } from '../document';
import { blockLabel } from './parse';
import { PROBLEM_CODES as C, error, type Problem, warning } from './problems';

/** What the workspace holds of a knowledge source, as far as a flow check needs it. */
export interface KnownKnowledgeSource {
  title: string;
  status: 'pending' | 'indexing' | 'ready' | 'failed';
  chunkCount: number;
}

/** The knowledge source ids each block reads (AI answer and AI agent blocks). */
export function knowledgeSourceIdsOf(doc: FlowDocument): Array<{ blockId: string; sourceIds: string[] }> {
  return doc.blocks.flatMap((block) => {
    const ids = (block.data as { knowledgeSourceIds?: unknown }).knowledgeSourceIds;
    return Array.isArray(ids) && ids.length > 0 ? [{ blockId: block.id, sourceIds: ids.map(String) }] : [];
  });
}

/**
 * Checks a flow against the workspace's knowledge sources (the server knows them, the document does not): a
 * deleted source is an error, since the block would answer from nothing and send every question to not-found;
 * a source with nothing indexed (its index failed) is a warning.
 */
export function checkKnowledgeSources(doc: FlowDocument, known: ReadonlyMap<string, KnownKnowledgeSource>): Problem[] {
  const byId = new Map(doc.blocks.map((block) => [block.id, block]));
  return knowledgeSourceIdsOf(doc).flatMap(({ blockId, sourceIds }) => {
    const block = byId.get(blockId)!;
    return sourceIds.flatMap((sourceId): Problem[] => {
      const source = known.get(sourceId);
      if (!source)
        return [
          error(
            C.unknownKnowledgeSource,
            `${blockLabel(block)} reads a knowledge source that no longer exists; choose its sources again.`,
            { blockId, details: { sourceId } },
          ),
        ];
      if (source.status === 'failed' && source.chunkCount === 0)
        return [
          warning(
            C.emptyKnowledgeSource,
            `${blockLabel(block)} reads "${source.title}", which has nothing indexed (its indexing failed), so it cannot answer from it.`,
            { blockId, details: { sourceId } },
          ),
        ];
      return [];
    });
  });
}
