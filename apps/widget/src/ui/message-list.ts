import type { Message } from '@flowdesk/contract';
import { safeUrl } from '../core/autolink';
import type { LiveStream } from '../core/bot-activity';
import type { TimelineEntry } from '../core/timeline';
import { h } from './dom';
import { type RenderContext, renderContent } from './render-content';

function time(iso: string): HTMLElement | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return h(
    'time',
    { datetime: date.toISOString() },
    date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
  );
}

function avatar(message: Message, baseUrl: string): HTMLElement | null {
  if (message.author !== 'agent') return null;
  const name = message.authorName ?? '';
  const src = message.authorAvatarUrl ? safeUrl(message.authorAvatarUrl, baseUrl) : null;
  return src
    ? h('img', { class: 'avatar', src, alt: '' })
    : h('span', { class: 'avatar', 'aria-hidden': 'true' }, name.slice(0, 1).toUpperCase());
}

/** The conversation log: one row per timeline entry, kept in order, rows reused across renders. */
export class MessageList {
  readonly el = h('ol', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  private readonly rows = new Map<string, HTMLElement>();
  private readonly typingRow = h('li', { class: 'typing', 'aria-hidden': 'true', hidden: true });
  private typingShown = '';
  /** The bot's answer as it is being written; the stored message replaces it. */
  private streamRow: HTMLElement | null = null;
  private streamShown = { id: '', text: '' };
  private readonly head: HTMLElement | null;

  /**
   * Whether the log follows the newest message: true until the visitor scrolls up, true again once they scroll back
   * down. Kept from scroll events, not measured when messages arrive: the area below the log (buttons, a form)
   * grows and shrinks as the bot writes, and a measure taken then reads "scrolled up" and left new messages hidden.
   */
  private following = true;

  constructor(
    private readonly ctx: RenderContext,
    greeting?: string,
  ) {
    this.head = greeting ? h('li', { class: 'row bot greeting' }, h('div', { class: 'bubble' }, greeting)) : null;
    if (this.head) this.el.append(this.head);
    this.el.setAttribute('aria-label', ctx.t('messages'));
    this.el.addEventListener('scroll', () => {
      this.following = this.el.scrollHeight - this.el.scrollTop - this.el.clientHeight < 80;
    });
    // The log's own size changes (the area below it grew or shrank): one that follows stays at the end.
    if (typeof ResizeObserver !== 'undefined') {
      new ResizeObserver(() => {
        if (this.following) this.scrollToEnd();
      }).observe(this.el);
    }
  }

  render(entries: readonly TimelineEntry[]): void {
    const wanted = new Map<string, HTMLElement>();
    for (const entry of entries) {
      const key = entry.kind === 'pending' && entry.pending.failed ? `${entry.key}:failed` : entry.key;
      const row = this.rows.get(key) ?? this.row(entry);
      if (row) wanted.set(key, row);
    }
    for (const [key, row] of this.rows) if (!wanted.has(key)) row.remove();
    let previous: Element | null = this.head;
    for (const row of wanted.values()) {
      const expected: Element | null = previous ? previous.nextElementSibling : this.el.firstElementChild;
      if (expected !== row) this.el.insertBefore(row, expected);
      previous = row;
    }
    this.placeTail();
    this.rows.clear();
    for (const [key, row] of wanted) this.rows.set(key, row);
    const last = entries[entries.length - 1];
    if (this.following || last?.kind === 'pending') this.scrollToEnd();
  }

  /**
   * The typing indicator: dots in a bubble and who is typing. `announce`: screen readers hear it (the bot at
   * work); a person's typing, which comes and goes with every pause, stays silent.
   */
  setTyping(text: string | null, announce = false): void {
    const wanted = text ? `${announce}:${text}` : '';
    if (this.typingShown === wanted) return;
    this.typingShown = wanted;
    this.typingRow.hidden = !text;
    this.typingRow.setAttribute('aria-hidden', String(!announce));
    this.typingRow.replaceChildren(
      ...(text
        ? [h('span', { class: 'dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')), h('span', null, text)]
        : []),
    );
    if (text && this.following) this.scrollToEnd();
  }

  /**
   * The answer being written, as a bot bubble of plain text (links made the same way as in messages). Screen
   * readers skip it while it grows and hear the stored message that replaces it.
   */
  setStream(stream: LiveStream | null): void {
    const text = stream?.text.trim() ? stream.text : '';
    if (!stream || !text) {
      this.streamRow?.remove();
      this.streamRow = null;
      this.streamShown = { id: '', text: '' };
      return;
    }
    const row = this.streamShown.id === stream.id ? this.streamRow : null;
    if (row && this.streamShown.text === text) return;
    const bubble = h('div', { class: 'bubble' }, renderContent({ type: 'text', text }, this.ctx));
    if (row) {
      row.querySelector('.bubble')?.replaceWith(bubble);
    } else {
      this.streamRow?.remove();
      this.streamRow = h(
        'li',
        { class: 'row bot streaming', 'aria-hidden': 'true' },
        h('div', { class: 'stack' }, bubble),
      );
      this.placeTail();
    }
    this.streamShown = { id: stream.id, text };
    if (this.following || !row) this.scrollToEnd();
  }

  /** The answer being written, then the typing row, after the messages; moved only when out of place (a move would be read out again). */
  private placeTail(): void {
    if (this.el.lastElementChild !== this.typingRow) this.el.append(this.typingRow);
    if (this.streamRow && this.streamRow.nextElementSibling !== this.typingRow) {
      this.el.insertBefore(this.streamRow, this.typingRow);
    }
  }

  scrollToEnd(): void {
    this.el.scrollTop = this.el.scrollHeight;
    this.following = true;
  }

  private row(entry: TimelineEntry): HTMLElement | null {
    if (entry.kind === 'pending') {
      const { pending } = entry;
      const body = renderContent(pending.content, this.ctx);
      return h(
        'li',
        { class: `row visitor pending${pending.failed ? ' failed' : ''}` },
        h(
          'div',
          { class: 'stack' },
          h('span', { class: 'sr-only' }, `${this.ctx.t('you')}: `),
          h('div', { class: 'bubble' }, body),
          h('div', { class: 'meta' }, this.ctx.t(pending.failed ? 'notSent' : 'sending')),
        ),
      );
    }
    const { message } = entry;
    const body = renderContent(message.content, this.ctx);
    if (!body) return null;
    if (message.content.type === 'event') {
      // The runtime words events in English; the one the visitor cares most about is translatable.
      const joined = message.content.kind === 'agent_joined' && message.authorName;
      return h(
        'li',
        { class: `row event ${message.content.kind}`, 'data-seq': message.seq },
        joined ? h('p', { class: 'event-text' }, this.ctx.t('agentJoined', { name: joined })) : body,
      );
    }
    const wide = message.content.type === 'carousel';
    const invalid = message.content.type === 'validation_error';
    return h(
      'li',
      { class: `row ${message.author}`, 'data-seq': message.seq },
      avatar(message, this.ctx.baseUrl),
      h(
        'div',
        { class: `stack${wide ? ' wide' : ''}` },
        message.author === 'visitor' ? h('span', { class: 'sr-only' }, `${this.ctx.t('you')}: `) : null,
        h(
          'div',
          { class: `bubble${wide ? ' wide' : ''}${invalid ? ' invalid' : ''}`, role: invalid ? 'alert' : null },
          body,
        ),
        h(
          'div',
          { class: 'meta' },
          message.author === 'agent' && message.authorName ? `${message.authorName} · ` : '',
          time(message.createdAt),
        ),
      ),
    );
  }
}
