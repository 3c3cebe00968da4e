import { safeUrl } from '../core/autolink';
import { wantsEmail } from '../core/conversation-events';
import type { ChatSession } from '../core/session';
import { Composer, type ComposerEvents } from './composer';
import { csatPrompt } from './csat-prompt';
import { h } from './dom';
import { icon } from './icons';
import { MessageList } from './message-list';
import { offlineForm } from './offline-form';
import type { RenderContext } from './render-content';

export interface PanelActions extends ComposerEvents {
  close(): void;
  toggleSound(): boolean;
  retry(): void;
}

/** The open chat window: header (bot or agent), status banner, log, email capture, input area. */
export class Panel {
  readonly el: HTMLElement;
  readonly list: MessageList;
  readonly composer: Composer;
  private readonly title = h('h2', { id: 'fd-title' });
  private readonly subtitle = h('p', { class: 'subtitle' });
  private readonly avatar = h('span', { class: 'avatar', 'aria-hidden': 'true' });
  private readonly banner = h('div', { class: 'banner', role: 'status', hidden: true });
  private readonly extra = h('div', { class: 'extra' });
  private readonly soundButton: HTMLButtonElement;
  private offline: HTMLFormElement | null = null;
  /** The rating prompt of a resolved conversation (by id; a reopen clears it, the next resolve asks again). */
  private readonly csatSlot = h('div');
  private csatFor: string | null = null;

  constructor(
    private readonly session: ChatSession,
    private readonly ctx: RenderContext,
    private readonly actions: PanelActions,
    soundOn: boolean,
    greeting?: string,
  ) {
    const { t } = ctx;
    this.list = new MessageList(ctx, greeting);
    this.composer = new Composer(t, actions);
    this.soundButton = h(
      'button',
      { type: 'button', class: 'icon-btn sound', 'aria-label': t('soundOn'), 'aria-pressed': String(soundOn) },
      icon(soundOn ? 'soundOn' : 'soundOff'),
    );
    this.soundButton.addEventListener('click', () => {
      const on = actions.toggleSound();
      this.soundButton.setAttribute('aria-pressed', String(on));
      this.soundButton.replaceChildren(icon(on ? 'soundOn' : 'soundOff'));
    });
    this.el = h(
      'div',
      { class: 'panel', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'fd-title', hidden: true },
      h(
        'header',
        { class: 'header' },
        this.avatar,
        h('div', { class: 'titles' }, this.title, this.subtitle),
        this.soundButton,
        h(
          'button',
          { type: 'button', class: 'icon-btn close', 'aria-label': t('closeChat'), onclick: () => actions.close() },
          icon('close'),
        ),
      ),
      this.banner,
      this.list.el,
      this.extra,
      this.csatSlot,
      this.composer.el,
    );
  }

  /** Redraws from the session; cheap enough to call on every change. */
  render(): void {
    const { session } = this;
    const { t } = this.ctx;
    const conv = session.conversation;
    const settings = session.settings;
    const replyTime = conv?.replyTime ?? settings?.replyTime ?? null;
    const agent = conv?.status === 'agent' ? conv.agent : null;
    const name = agent?.name ?? (t('title') || settings?.botName || '');
    this.title.textContent = name;
    const avatarUrl = agent?.avatarUrl ? safeUrl(agent.avatarUrl, this.ctx.baseUrl) : null;
    // Only a changed picture is swapped, so the image does not flicker on every render.
    if (this.avatar.dataset.src !== (avatarUrl ?? name)) {
      this.avatar.dataset.src = avatarUrl ?? name;
      this.avatar.replaceChildren(
        avatarUrl ? h('img', { class: 'avatar', src: avatarUrl, alt: '' }) : name.slice(0, 1).toUpperCase(),
      );
    }
    this.subtitle.textContent = settings ? this.availability(settings.online, replyTime, Boolean(agent)) : '';
    this.renderBanner(replyTime);
    this.list.el.setAttribute('aria-busy', String(!session.ready));
    this.list.render(session.timeline.entries());
    const { working, stream } = session.activity;
    this.list.setStream(stream);
    // While the bot waits for a call its dots show, until the answer it writes shows instead.
    const botBusy = working && !stream?.text.trim();
    const typist = session.typist ?? (botBusy ? { name: settings?.botName ?? null } : null);
    this.list.setTyping(
      typist ? (typist.name ? t('typing', { name: typist.name }) : t('someoneTyping')) : null,
      !session.typist && botBusy,
    );
    // With a human on the conversation the visitor types freely, whatever the bot last asked.
    const humans = conv?.status === 'agent' || conv?.status === 'needs_agent';
    this.composer.update(humans ? null : (conv?.awaiting ?? null), conv?.status, !conv);
    // The flow may ask for the email itself (a capture block); then its prompt is the form.
    this.renderOffline(wantsEmail(session.timeline.messages()) && conv?.awaiting?.type !== 'input');
    this.renderCsat(conv?.status === 'resolved' ? conv.id : null);
  }

  private renderCsat(resolvedId: string | null): void {
    if (resolvedId === this.csatFor) return;
    this.csatFor = resolvedId;
    this.csatSlot.replaceChildren(...(resolvedId ? [csatPrompt(this.ctx.t, this.session.csat(resolvedId))] : []));
  }

  private availability(online: boolean, replyTime: string | null, withAgent: boolean): string {
    const { t } = this.ctx;
    if (withAgent) return t('online');
    if (!online) return t('away');
    return t('subtitle') || (replyTime ? t('replyTime', { time: replyTime }) : t('online'));
  }

  private renderBanner(replyTime: string | null): void {
    const { t } = this.ctx;
    const { session } = this;
    const parts: (string | HTMLElement)[] = [];
    if (session.failed) {
      parts.push(
        t('loadFailed'),
        ' ',
        h('button', { type: 'button', class: 'primary', onclick: () => this.actions.retry() }, t('retry')),
      );
    }
    if (session.conversation?.status === 'needs_agent') {
      parts.push(h('strong', null, t('connecting')), replyTime ? t('replyTime', { time: replyTime }) : '');
    }
    if (session.conversation && session.connectionLost && !session.failed) {
      parts.push(h('span', { class: 'net' }, navigator.onLine ? t('reconnecting') : t('offlineQueue')));
    }
    this.banner.hidden = parts.length === 0;
    this.banner.replaceChildren(...parts);
  }

  private renderOffline(show: boolean): void {
    if (show && !this.offline) {
      this.offline = offlineForm(this.ctx.t, (email, name) => this.session.submitContact(email, name));
      this.extra.replaceChildren(this.offline);
    } else if (!show && this.offline && !this.offline.dataset.submitted) {
      this.offline = null;
      this.extra.replaceChildren();
    }
  }
}
