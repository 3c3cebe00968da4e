import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { htmlToText } from './html-text';
import type { KnowledgeDocument } from './split';

/** Largest file accepted for a knowledge source (the upload route refuses bigger bodies before reading them). */
export const MAX_KNOWLEDGE_FILE_BYTES = 10 * 1024 * 1024;

export type KnowledgeFileType = 'pdf' | 'docx' | 'markdown' | 'html' | 'text';

/** A file that cannot become knowledge; the message names the file and says why, for the admin. */
export class KnowledgeFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(`${fileName}: ${reason}`);
    this.name = 'KnowledgeFileError';
  }
}

const EXTENSIONS: Record<string, KnowledgeFileType> = {
  pdf: 'pdf',
  docx: 'docx',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  txt: 'text',
};

export function fileTypeOf(fileName: string): KnowledgeFileType | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return (extension && EXTENSIONS[extension]) || null;
}

async function extract(type: KnowledgeFileType, bytes: Uint8Array): Promise<{ text: string; title?: string | null }> {
  switch (type) {
    case 'pdf': {
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      return { text: reflowPdfText((await extractText(pdf, { mergePages: true })).text) };
    }
    case 'docx':
      return { text: (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value };
    case 'html':
      return htmlToText(new TextDecoder().decode(bytes));
    default:
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  }
}

/** A line at least this share of the page's usual full line is wrapped: the next line continues its paragraph. */
const WRAPPED_LINE = 0.75;
const PDF_HEADING = /^[\p{Lu}][\p{L}\p{N} '’&-]{0,58}$/u;

/**
 * A PDF's text comes out line by line as printed: paragraphs wrapped at the page width and headings as bare lines.
 * Wrapped lines are joined back into their paragraph (a nearly full line, or a line followed by one starting in
 * lower case), and a short capitalised line without punctuation standing between paragraphs becomes a markdown
 * heading, so the splitter keeps each chunk's section as it does for web pages.
 */
export function reflowPdfText(text: string): string {
  const lines = text.split('\n').map((line) => line.trim());
  const lengths = lines.map((line) => line.length).sort((a, b) => a - b);
  const fullWidth = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  const out: string[] = [];
  let previousEnded = true;
  lines.forEach((line, i) => {
    if (!line) {
      previousEnded = true;
      out.push('');
      return;
    }
    const next = lines[i + 1] ?? '';
    const last = out.at(-1) ?? '';
    const heading = previousEnded && PDF_HEADING.test(line) && line.split(' ').length <= 8 && !/^[\p{Ll}]/u.test(next);
    const continues =
      !heading &&
      last !== '' &&
      !last.startsWith('#') &&
      ((lines[i - 1] ?? '').length >= WRAPPED_LINE * fullWidth || /^\p{Ll}/u.test(line));
    if (heading) out.push(`## ${line}`);
    else if (continues) out[out.length - 1] = `${last} ${line}`;
    else out.push(line);
    previousEnded = heading || /[.!?:]$/.test(line) || line.length < WRAPPED_LINE * fullWidth;
  });
  return out.join('\n');
}

/** Text of an uploaded file, parsed by kept libraries (unpdf, mammoth, htmlparser2); never touches the database. */
export async function parseKnowledgeFile(fileName: string, bytes: Uint8Array): Promise<KnowledgeDocument> {
  const type = fileTypeOf(fileName);
  if (!type) throw new KnowledgeFileError(fileName, 'unsupported file type (use PDF, DOCX, Markdown, HTML or TXT)');
  if (bytes.byteLength > MAX_KNOWLEDGE_FILE_BYTES)
    throw new KnowledgeFileError(fileName, `file is larger than ${MAX_KNOWLEDGE_FILE_BYTES / 1024 / 1024} MB`);
  let extracted: { text: string; title?: string | null };
  try {
    extracted = await extract(type, bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new KnowledgeFileError(fileName, `could not be read as ${type.toUpperCase()} (${detail})`);
  }
  const text = extracted.text.replace(/[ \t]+\n/g, '\n').trim();
  if (!text) throw new KnowledgeFileError(fileName, 'no text found in the file (a scanned PDF needs OCR first)');
  return { title: extracted.title ?? fileName, url: null, text };
}
