import type { MessageContent } from '@flowdesk/contract';
import { type BlockOf, interpolate, type MessageBlockContent, type Variables } from '@flowdesk/flow-schema';

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

export function renderChoice(block: BlockOf<'buttons'>, text: string, vars: Variables): MessageContent {
  return {
    type: 'choice',
    text: interpolate(text, vars),
    options: block.data.buttons.map((b) => ({ id: b.id, label: b.label })),
    allowTyping: block.data.allowTyping,
  };
}

export function renderInput(block: BlockOf<'capture'>, vars: Variables): MessageContent {
  const { data } = block;
  return {
    type: 'input',
    prompt: interpolate(data.prompt, vars),
    inputType: data.inputType,
    ...(data.placeholder ? { placeholder: data.placeholder } : {}),
    ...(data.inputType === 'form' ? { fields: data.fields ?? [] } : {}),
  };
}

export const text = (value: string): MessageContent => ({ type: 'text', text: value });
