import { Parser } from 'htmlparser2';

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'header', 'footer', 'iframe']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'li', 'br', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre']);

export interface HtmlText {
  title: string | null;
  text: string;
  links: string[];
}

/** Readable text of an HTML page (scripts, styles and navigation left out), its title and its links' hrefs. */
export function htmlToText(html: string): HtmlText {
  const parts: string[] = [];
  const links: string[] = [];
  let title = '';
  let inTitle = false;
  let skipDepth = 0;
  let preDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (SKIPPED.has(name)) skipDepth++;
        if (name === 'title') inTitle = true;
        if (name === 'a' && attributes.href) links.push(attributes.href);
        if (name === 'pre') preDepth++;
        if (BLOCKS.has(name)) parts.push('\n');
        // A heading stays marked as one with its level, as in a markdown source: the splitter keeps each chunk's
        // heading path, and a heading is searchable but never quoted as an answer.
        if (HEADINGS.has(name) && skipDepth === 0) parts.push(`${'#'.repeat(Number(name[1]))} `);
      },
      ontext(text) {
        if (inTitle) title += text;
        // Line breaks in the HTML source are spaces (only <pre> keeps its lines): a wrapped paragraph stays one.
        // A code line starting with "#" (a shell comment) is escaped as in markdown, so it is never read as a heading.
        else if (skipDepth === 0) parts.push(preDepth > 0 ? text.replace(/^#/gm, '\\#') : text.replace(/\s+/g, ' '));
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (name === 'title') inTitle = false;
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (BLOCKS.has(name)) parts.push('\n');
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  const text = parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return { title: title.trim() || null, text, links };
}
