import { Citation, MAX_CITATIONS, type MessageContent } from '@flowdesk/contract';
import { interpolate, type MessageBlockContent, type Variables, valueToText } from '@flowdesk/flow-schema';

/** Drops `undefined` fields so outputs stay clean JSON. */
function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, compact(v)]),
  ) as T;
}

/** A message block's content with `{{variables}}` filled in every text field. */
export function renderMessage(content: MessageBlockContent, vars: Variables): MessageContent {
  // Text, by far the most common, has no optional fields to drop.
  if (content.type === 'text') return { type: 'text', text: interpolate(content.text, vars) };
  return compact(renderRaw(content, vars));
}

function renderRaw(content: MessageBlockContent, vars: Variables): MessageContent {
  const t = (s: string) => interpolate(s, vars);
  const opt = (s: string | undefined) => (s === undefined ? undefined : t(s));
  switch (content.type) {
    case 'text':
      return { type: 'text', text: t(content.text) };
    case 'image':
      return { type: 'image', url: t(content.url), alt: opt(content.alt), caption: opt(content.caption) };
    case 'video':
    case 'audio':
      return { type: content.type, url: t(content.url), caption: opt(content.caption) };
    case 'file':
      return { type: 'file', url: t(content.url), name: t(content.name), caption: opt(content.caption) };
    case 'link':
      return { type: 'link', url: t(content.url), label: t(content.label), text: opt(content.text) };
    case 'carousel':
      return {
        type: 'carousel',
        cards: content.cards.map((card) => ({
          title: t(card.title),
          subtitle: opt(card.subtitle),
          imageUrl: opt(card.imageUrl),
          buttons: card.buttons.map((b) => ({ label: t(b.label), url: opt(b.url), value: b.value })),
        })),
      };
  }
}

export const text = (value: string): MessageContent => ({ type: 'text', text: value });

/** An AI reply: its text, and the knowledge sources it names when the host gave valid ones. */
export function citedText(value: string, citations: unknown): MessageContent {
  const valid = Array.isArray(citations) ? citations.map((c) => Citation.safeParse(c)).filter((c) => c.success) : [];
  if (valid.length === 0) return text(value);
  return { type: 'text', text: value, citations: valid.slice(0, MAX_CITATIONS).map((c) => c.data) };
}

/** What the visitor said last, as text (the question for AI answers and intent matching). */
export const lastMessage = (vars: Variables): string => valueToText(vars.last_message);
