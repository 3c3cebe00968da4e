/**
 * A chunk's text as prose a reply can quote: markdown markers, list bullets, tables and code are taken out,
 * headings and FAQ questions dropped (the chunk's title already names them) and every line ends as a sentence. The offline
 * provider answers with whole sentences of this text, so the visitor never sees "## Refunds" or "- 5 days".
 */
export function readablePassage(content: string): string {
  const withoutCode = content.replace(/```[\s\S]*?(```|$)/g, ' ');
  const lines = withoutCode
    .split(/\r?\n/)
    .filter((line) => !/^\s{0,3}#{1,6}\s/.test(line) && !/^\s*(\|?\s*:?-{3,}:?\s*)+\|?\s*$/.test(line))
    .map(readableLine)
    // A line asking a question is an FAQ's heading, never part of an answer.
    .filter((line) => /[\p{L}\p{N}]/u.test(line) && !/\?\s*$/.test(line));
  return lines.map(asSentence).join(' ').replace(/\s+/g, ' ').trim();
}

function readableLine(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(?:>\s*)+/, '')
    .replace(/^\s*(?:[-*+•]|\d{1,3}[.)])\s+/, '')
    .replace(/^\s*\|/, '')
    .replace(/\|\s*$/, '')
    .replace(/\s*\|\s*/g, ', ')
    .replace(/(\*\*|__|`|~~)/g, '')
    .replace(/^\\#/, '#')
    .replace(/(^|\s)[*_](\S[^*_]*\S|\S)[*_](?=\s|[.,;:!?]|$)/g, '$1$2')
    .trim();
}

/** A line that does not end a sentence gets a full stop, so sentence splitting keeps lines apart. */
function asSentence(line: string): string {
  return /[.!?:;…)"'”]$/.test(line) ? line : `${line}.`;
}
