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

/** The longest chunk: small enough that the best one answers one question, large enough to carry context. */
const CHUNK_SIZE = 900;
const CHUNK_OVERLAP = 120;
const HEADING = /^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$/;
/** A section of this many lines or more, none longer than a few words, is a table of contents or a link list. */
const LINK_LIST_LINES = 5;
const LINK_LIST_WORDS = 3;

/** The text under one heading, with the headings above it (outermost first) as markdown lines. */
interface Section {
  headings: string[];
  body: string;
}

/**
 * A document cut at its headings (markdown `#` lines, which HTML pages and files are turned into): each section
 * keeps its heading path, so a chunk of "Configuration › save" still says what it is about once cut from its page.
 * Lines inside a code fence are never headings.
 */
export function sectionsOf(text: string): Section[] {
  const sections: Section[] = [];
  const path: { level: number; line: string }[] = [];
  let lines: string[] = [];
  let inFence = false;
  const close = () => {
    const body = lines.join('\n').trim();
    // A table of contents is left out, and its heading leaves the path of the sections that follow it.
    if (body && isLinkList(body)) path.pop();
    else if (body) sections.push({ headings: path.map((h) => h.line), body });
    lines = [];
  };
  for (const line of text.split('\n')) {
    if (/^\s{0,3}```/.test(line)) inFence = !inFence;
    const heading = inFence ? null : HEADING.exec(line);
    if (!heading) {
      lines.push(line);
      continue;
    }
    close();
    const level = heading[1]!.length;
    while (path.length > 0 && path.at(-1)!.level >= level) path.pop();
    path.push({ level, line: `${heading[1]} ${heading[2]}` });
  }
  close();
  return sections;
}

function isLinkList(body: string): boolean {
  const lines = body.split('\n').filter((line) => line.trim());
  return (
    lines.length >= LINK_LIST_LINES &&
    lines.filter((line) => (line.match(/[\p{L}\p{N}][\p{L}\p{N}._-]*/gu) ?? []).length > LINK_LIST_WORDS).length <=
      lines.length / 10
  );
}

/**
 * Splits each document at its headings, then each section with LangChain's recursive splitter (paragraphs, then
 * lines, then words); every chunk starts with its section's heading lines, so the full-text index and the ranking
 * read what the chunk is about, while readable passages (which drop heading lines) quote only its text.
 */
export async function splitDocuments(documents: KnowledgeDocument[]): Promise<ChunkDraft[]> {
  const chunks: ChunkDraft[] = [];
  for (const document of documents) {
    const text = document.text.replace(/\r\n?/g, '\n').trim();
    if (!text) continue;
    for (const section of sectionsOf(text)) {
      const heading = section.headings.join('\n');
      const splitter = new RecursiveCharacterTextSplitter({
        chunkSize: Math.max(CHUNK_SIZE / 2, CHUNK_SIZE - heading.length),
        chunkOverlap: CHUNK_OVERLAP,
      });
      for (const piece of await splitter.splitText(section.body)) {
        const content = heading ? `${heading}\n${piece}` : piece;
        chunks.push({ title: document.title, url: document.url, text: content, position: chunks.length });
      }
    }
  }
  return chunks;
}

/** The heading path a chunk starts with ("Configuration › save"), or '' for a chunk without headings. */
export function chunkHeadings(content: string): string {
  const headings: string[] = [];
  for (const line of content.split('\n')) {
    const heading = HEADING.exec(line);
    if (!heading) break;
    headings.push(heading[2]!);
  }
  return headings.join(' › ');
}
