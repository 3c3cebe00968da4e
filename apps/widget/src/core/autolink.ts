export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// http(s) URLs, www. hosts and bare e-mail addresses. Trailing punctuation is trimmed afterwards.
const LINK = /\bhttps?:\/\/[^\s<>"']+|\bwww\.[^\s<>"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
const TRAILING = /[.,;:!?'"]+$/;

function trimUnbalancedParen(url: string): string {
  let out = url;
  while (out.endsWith(')') && (out.match(/\(/g)?.length ?? 0) < (out.match(/\)/g)?.length ?? 0)) {
    out = out.slice(0, -1);
  }
  return out;
}

function hrefFor(raw: string): string | null {
  if (/^https?:\/\//i.test(raw)) return raw;
  if (/^www\./i.test(raw)) return `https://${raw}`;
  if (raw.includes('@')) return `mailto:${raw}`;
  return null;
}

/** Splits plain text into text and link segments; the caller builds DOM nodes, never HTML. */
export function autolink(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const start = match.index ?? 0;
    const raw = trimUnbalancedParen(match[0].replace(TRAILING, ''));
    const href = hrefFor(raw);
    if (!href || raw.length === 0) continue;
    if (start > last) out.push({ kind: 'text', text: text.slice(last, start) });
    out.push({ kind: 'link', text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** Only http(s) and mailto URLs reach an href or src; anything else (javascript:, data:) is dropped. */
export function safeUrl(url: string, base?: string): string | null {
  try {
    const parsed = new URL(url, base);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}
