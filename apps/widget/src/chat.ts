import { ApiFailure, createPublicApi } from './core/api-client';
import { backoffDelay } from './core/backoff';
import { unreadCount } from './core/conversation-events';
import { ChatSession } from './core/session';
import { browserStore } from './core/store';
import { acceptVariables, acceptVisitor } from './sdk/page-details';
import type { ChatController, ChatHost, Variables, VisitorIdentity } from './types';
import { h } from './ui/dom';
import { trapFocus } from './ui/focus-trap';
import { Panel } from './ui/panel';
import type { RenderContext } from './ui/render-content';
import { Sound } from './ui/sound';
import { createTranslate, type Translate } from './ui/strings';
import { PANEL_CSS } from './ui/styles';
import { applyTheme } from './ui/theme';

function wsUrl(runtimeUrl: string, token: string): string {
  // Appended, not resolved, so a runtime behind a path prefix (https://site/flowdesk) keeps it.
  const url = new URL(`${runtimeUrl.replace(/\/+$/, '')}/ws`);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('visitorToken', token);
  return url.href;
}

/** Builds the chat panel inside the loader's shadow root and connects it to the runtime. */
function mount(host: ChatHost): ChatController {
  const { config, root } = host;
  // What the page set before the chat loaded, as the session accepts it (bad values warned about once, here).
  const variables: Variables = {};
  const visitor: VisitorIdentity = {};
  for (const said of host.pageDetails) {
    Object.assign(variables, acceptVariables(said.variables, variables));
    Object.assign(visitor, acceptVisitor(said.visitor));
  }
  const store = browserStore();
  const container = root.querySelector<HTMLElement>('.fd-root') ?? root.appendChild(h('div', { class: 'fd-root' }));
  const style = h('style', null, PANEL_CSS);
  root.prepend(style);

  let translate: Translate = createTranslate(config.strings);
  const sound = new Sound(store);
  let isOpen = false;
  let live = false;
  let started: Promise<void> | null = null;
  const readKey = `flowdesk:${config.botId}:read`;
  let returnFocus: Element | null = null;
  let renderQueued = false;

  const api = createPublicApi(config.runtimeUrl, config.botId, () => session.token);
  const session: ChatSession = new ChatSession({
    api,
    store,
    botId: config.botId,
    continueToken: config.continueToken,
    wsUrl: (token) => wsUrl(config.runtimeUrl, token),
    events: {
      changed: scheduleRender,
      added(messages) {
        if (isOpen) markRead();
        else updateUnread();
        if (!live) return;
        for (const m of messages) host.emit('message', m);
        if ((!isOpen || document.hidden) && unreadCount(messages, 0) > 0) sound.play();
      },
      transition: (kind, conversation) => host.emit(kind, conversation),
    },
  });

  const ctx: RenderContext = {
    t: (key, vars) => translate(key, vars),
    baseUrl: config.runtimeUrl,
    reply: (content) => session.send(content),
  };
  const panel = new Panel(
    session,
    ctx,
    {
      send: (content) => session.send(content),
      typing: () => session.localTyping.input(),
      startAgain: () => void session.startNew().catch(fail),
      close: () => host.requestClose(),
      toggleSound: () => sound.toggle(),
      retry: () => {
        started = null;
        connect();
      },
    },
    sound.enabled,
    config.greeting,
  );
  container.append(panel.el);
  const releaseTrap = trapFocus(panel.el, () => host.requestClose());

  function scheduleRender(): void {
    if (renderQueued) return;
    renderQueued = true;
    queueMicrotask(() => {
      renderQueued = false;
      const s = session.settings;
      if (s) {
        translate = createTranslate(s.strings, config.strings);
        host.setLabels({ open: translate('openChat'), close: translate('closeChat'), unread: translate('unread') });
        if (!config.theme?.primaryColor) applyTheme(container, s.theme.primaryColor);
        if (!config.position) container.classList.toggle('left', s.theme.position === 'left');
      }
      panel.render();
    });
  }

  /** The read position survives reloads, so replies that came while the visitor was away still count. */
  function markRead(): void {
    store.setItem(readKey, String(session.timeline.lastSeq));
    host.setUnread(0);
  }

  function updateUnread(): void {
    host.setUnread(unreadCount(session.timeline.messages(), Number(store.getItem(readKey) ?? 0)));
  }

  function fail(error: unknown): void {
    session.failed = error instanceof ApiFailure ? error : new ApiFailure(0, 'error', String(error));
    scheduleRender();
  }

  // A start that failed for a passing reason (offline, runtime restarting, rate limited) is retried with
  // backoff; the banner offers an immediate retry meanwhile.
  let startAttempts = 0;
  let startRetry: ReturnType<typeof setTimeout> | undefined;

  function connect(): Promise<void> {
    session.failed = null;
    clearTimeout(startRetry);
    started ??= session.start(variables, visitor).then(
      () => {
        live = true;
        startAttempts = 0;
      },
      (error) => {
        started = null;
        fail(error);
        if (session.failed?.retryable) startRetry = setTimeout(() => void connect(), backoffDelay(startAttempts++));
      },
    );
    return started;
  }

  const onStorage = (e: StorageEvent) => {
    if (e.key === `flowdesk:${config.botId}`) session.followOtherTab();
  };
  addEventListener('storage', onStorage);

  return {
    connect: () => void connect(),
    open() {
      if (isOpen) return;
      isOpen = true;
      const active = document.activeElement;
      returnFocus = active && active !== root.host ? active : host.launcher;
      panel.el.hidden = false;
      markRead();
      panel.composer.focus();
      void connect().then(() => {
        if (isOpen) markRead();
        if (isOpen && !panel.el.contains(root.activeElement)) panel.composer.focus();
        panel.list.scrollToEnd();
      });
      panel.list.scrollToEnd();
    },
    close() {
      if (!isOpen) return;
      isOpen = false;
      panel.el.hidden = true;
      session.localTyping.stop();
      if (returnFocus instanceof HTMLElement) returnFocus.focus();
    },
    setVariables(next) {
      const accepted = acceptVariables(next, variables);
      if (Object.keys(accepted).length === 0) return;
      Object.assign(variables, accepted);
      if (session.conversation) void session.update({ variables: accepted }).catch(() => {});
    },
    identify(details) {
      const accepted = acceptVisitor(details);
      if (Object.keys(accepted).length === 0) return;
      Object.assign(visitor, accepted);
      if (session.conversation) void session.update({ visitor: accepted }).catch(() => {});
    },
    destroy() {
      clearTimeout(startRetry);
      session.destroy();
      releaseTrap();
      removeEventListener('storage', onStorage);
      panel.el.remove();
      style.remove();
    },
  };
}

window.__flowdeskChat = { mount };
