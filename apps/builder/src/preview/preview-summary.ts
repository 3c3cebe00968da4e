import { words } from './lexical';

export interface PreviewLine {
  author: 'visitor' | 'bot';
  text: string;
}

const SMALL_TALK = /^(hi|hello|hey|thanks|thank you|ok|okay|yes|no|sure|bye)\b[\s!.,]*$/i;
const MAX_QUOTE = 120;
/** Variables the engine or host sets that say nothing about the visitor's request. */
const NOT_DETAILS = new Set(['last_message', 'ai_handoff_reason', 'ai_handoff_priority']);

const quote = (text: string) => `“${text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text}”`;

/**
 * The preview's stand-in for the handoff summary the runtime's AI writes: the visitor's (at most two)
 * most informative messages, in order, and the details the flow captured. Extractive and local: shown when
 * the runtime's AI summary (POST /api/admin/ai/preview-summary) cannot be had, with a note saying so.
 */
export function previewSummary(lines: PreviewLine[], variables: Record<string, unknown>): string {
  const name = typeof variables.name === 'string' && variables.name.trim() ? variables.name.trim() : 'The visitor';
  const captured = new Set(
    Object.entries(variables)
      .filter(([key]) => !NOT_DETAILS.has(key))
      .map(([, v]) => String(v).trim()),
  );
  // Answers to questions (an email, an order number) are better read under Details: quote them last.
  const picked = lines
    .map((line, order) => ({
      text: line.text.trim(),
      author: line.author,
      order,
      weight: new Set(words(line.text)).size,
    }))
    .filter((line) => line.author === 'visitor' && line.weight > 0 && !SMALL_TALK.test(line.text))
    .map((line) => ({ ...line, answer: captured.has(line.text) ? 1 : 0 }))
    .sort((a, b) => a.answer - b.answer || b.weight - a.weight || a.order - b.order)
    .slice(0, 2)
    .sort((a, b) => a.order - b.order);
  const quoted = new Set(picked.map((l) => l.text));
  const asked =
    picked.length > 0
      ? `${name} wrote: ${picked.map((l) => quote(l.text)).join(' ')}`
      : `${name} has not written anything yet.`;
  const details = Object.entries(variables)
    .filter(([key, value]) => !NOT_DETAILS.has(key) && (typeof value === 'string' || typeof value === 'number'))
    .filter(([, value]) => String(value).trim() !== '' && !quoted.has(String(value).trim()))
    .map(([key, value]) => `${key}: ${String(value).slice(0, 80)}`);
  const reason = typeof variables.ai_handoff_reason === 'string' ? ` Reason: ${variables.ai_handoff_reason}` : '';
  return `${asked}${details.length > 0 ? ` Details: ${details.join(', ')}.` : ''}${reason}`;
}
