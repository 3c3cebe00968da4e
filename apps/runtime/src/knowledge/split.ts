import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';

/** A readable unit taken from a source before splitting: a Q&A pair, a page, a file. */
export interface KnowledgeDocument {
  title: string;
  url: string | null;
  text: string;
}

export interface ChunkDraft extends KnowledgeDocument {
  position: number;
}

// Chunks of a few sentences: small enough that the best one answers one question, large enough to carry context.
const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 900, chunkOverlap: 120 });

/** Splits each document into chunks with LangChain's recursive splitter (paragraphs, then lines, then words). */
export async function splitDocuments(documents: KnowledgeDocument[]): Promise<ChunkDraft[]> {
  const chunks: ChunkDraft[] = [];
  for (const document of documents) {
    const text = document.text.replace(/\r\n?/g, '\n').trim();
    if (!text) continue;
    for (const piece of await splitter.splitText(text)) {
      chunks.push({ title: document.title, url: document.url, text: piece, position: chunks.length });
    }
  }
  return chunks;
}
