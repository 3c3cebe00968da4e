import type { MessageContent } from '@flowdesk/contract';
import { autolink, safeUrl } from '../core/autolink';
import type { SendContent } from '../core/outbox';
import { type Child, h } from './dom';
import type { Translate } from './strings';

/** Timeline events about internal routing that the visitor has no use for. */
// `offline` only drives the email form: the flow's own offline message tells the visitor.
// `error` carries the engine's wording for agents; the visitor already got the bot's own line.
const AGENT_SIDE_EVENTS = new Set(['assigned', 'team_assigned', 'priority_changed', 'offline', 'error']);

export interface RenderContext {
  t: Translate;
  /** Base for relative media URLs (the runtime). */
  baseUrl: string;
  /** A carousel button with a value answers like a typed message. */
  reply(content: SendContent): void;
}

/** Plain text with URLs turned into links, built from text nodes and anchors only. */
export function linkedText(text: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const segment of autolink(text)) {
    frag.appendChild(
      segment.kind === 'text' ? document.createTextNode(segment.text) : externalLink(segment.href, segment.text),
    );
  }
  return frag;
}

function externalLink(href: string, label: Child, className?: string, name?: string): HTMLAnchorElement {
  return h(
    'a',
    { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: className, 'aria-label': name },
    label,
  );
}

function para(text: string | undefined, className = 'text'): HTMLElement | null {
  // dir=auto: an Arabic or Hebrew message reads right to left, its punctuation at its own end.
  return text ? h('p', { class: className, dir: 'auto' }, linkedText(text)) : null;
}

function caption(text: string | undefined): HTMLElement | null {
  return text ? h('figcaption', { dir: 'auto' }, linkedText(text)) : null;
}

function media(kind: 'video' | 'audio', src: string | null, text: string | undefined): HTMLElement | null {
  if (!src) return para(text);
  return h('figure', { class: `media ${kind}` }, h(kind, { src, controls: true, preload: 'metadata' }), caption(text));
}

type Citations = NonNullable<Extract<MessageContent, { type: 'text' }>['citations']>;

/**
 * An AI answer and, under it, the knowledge sources it used: titles as text, linked only when the address is
 * http(s) (opened in a new tab, noopener).
 */
function cited(text: string, citations: Citations, ctx: RenderContext): HTMLElement {
  const items = citations.map((citation) => {
    const href = citation.url ? safeUrl(citation.url) : null;
    const web = href !== null && /^https?:/i.test(href);
    return h('li', null, web ? externalLink(href, citation.title, 'source-link') : citation.title);
  });
  return h(
    'div',
    { class: 'cited' },
    para(text),
    h('div', { class: 'sources' }, h('span', { class: 'sources-title' }, ctx.t('sources')), h('ul', null, ...items)),
  );
}

/** What the bubble for one message holds; null when the visitor sees nothing (notes, bare prompts). */
export function renderContent(content: MessageContent, ctx: RenderContext): HTMLElement | null {
  const url = (u: string) => safeUrl(u, ctx.baseUrl);
  switch (content.type) {
    case 'text':
      return content.citations?.length ? cited(content.text, content.citations, ctx) : para(content.text);
    case 'validation_error':
      return para(content.text, 'text invalid');
    case 'image': {
      const src = url(content.url);
      if (!src) return para(content.caption);
      const alt = content.alt ?? content.caption ?? '';
      return h(
        'figure',
        { class: 'media image' },
        // A link holding only an image without alt text would have no name at all.
        externalLink(src, h('img', { src, alt, loading: 'lazy' }), undefined, alt ? undefined : ctx.t('openLink')),
        caption(content.caption),
      );
    }
    case 'video':
      return media('video', url(content.url), content.caption);
    case 'audio':
      return media('audio', url(content.url), content.caption);
    case 'file': {
      const href = url(content.url);
      return h(
        'div',
        { class: 'file' },
        href
          ? h(
              'a',
              {
                href,
                download: content.name,
                class: 'file-link',
                'aria-label': `${ctx.t('download')} ${content.name}`,
              },
              '⤓ ',
              content.name,
            )
          : content.name,
        para(content.caption),
      );
    }
    case 'link': {
      const href = url(content.url);
      return h(
        'div',
        { class: 'link' },
        para(content.text),
        href ? externalLink(href, content.label, 'link-button') : null,
      );
    }
    case 'carousel':
      return h(
        'ul',
        { class: 'carousel', role: 'list' },
        ...content.cards.map((card) => {
          const img = card.imageUrl ? url(card.imageUrl) : null;
          return h(
            'li',
            { class: 'card' },
            img ? h('img', { src: img, alt: '', loading: 'lazy' }) : null,
            h('p', { class: 'card-title' }, card.title),
            card.subtitle ? h('p', { class: 'card-subtitle' }, card.subtitle) : null,
            ...card.buttons.map((b) => {
              const href = b.url ? url(b.url) : null;
              if (href) return externalLink(href, b.label, 'card-button');
              const text = b.value ?? b.label;
              return h(
                'button',
                { type: 'button', class: 'card-button', onclick: () => ctx.reply({ type: 'text', text }) },
                b.label,
              );
            }),
          );
        }),
      );
    case 'choice':
      return para(content.text);
    case 'input':
      return para(content.prompt);
    case 'choice_reply':
      return para(content.label);
    case 'form_reply':
      return h(
        'dl',
        { class: 'form-reply' },
        ...Object.entries(content.values).flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)]),
      );
    case 'event':
      return AGENT_SIDE_EVENTS.has(content.kind) ? null : h('p', { class: 'event-text' }, content.text);
    case 'note':
      return null;
  }
}
