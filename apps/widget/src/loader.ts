import type { WidgetLauncherSettings } from '@flowdesk/contract';
import { Emitter } from './sdk/emitter';
import { createHostElement, setHostVisible } from './sdk/host-element';
import { createLauncher, LAUNCHER_CSS } from './sdk/launcher';
import { replayQueue, SDK_METHODS, type SdkStub, type SdkTarget } from './sdk/queue';
import type {
  ChatController,
  FlowdeskConfig,
  PageDetails,
  Variables,
  VisitorIdentity,
  WidgetEventName,
  WidgetListener,
} from './types';
import { h } from './ui/dom';
import { applyTheme, DEFAULT_PRIMARY } from './ui/theme';

// Read while this classic script runs: afterwards currentScript is null.
const scriptSrc = (document.currentScript as HTMLScriptElement | null)?.src;

function chatUrl(config: FlowdeskConfig): string {
  return new URL('chat.js', scriptSrc || `${config.runtimeUrl.replace(/\/+$/, '')}/widget/loader.js`).href;
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = h('script', { src, async: true });
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Flowdesk: could not load ${src}`));
    document.head.append(script);
  });
}

type BotLauncher = Pick<WidgetLauncherSettings, 'theme' | 'strings'>;

/** The bot's launcher settings (no session needed, cached a minute); null when they cannot be had. */
function fetchBotLauncher(config: FlowdeskConfig): Promise<BotLauncher | null> {
  const url = `${config.runtimeUrl.replace(/\/+$/, '')}/api/public/bots/${encodeURIComponent(config.botId)}/widget`;
  return fetch(url)
    .then((r) => (r.ok ? (r.json() as Promise<{ settings: BotLauncher }>) : null))
    .then((body) => body?.settings ?? null)
    .catch(() => null);
}

/** How long a launcher waits unseen for the bot's colour before drawing with the defaults. */
const SETTINGS_WAIT_MS = 600;

function storedConversation(botId: string): boolean {
  try {
    return localStorage.getItem(`flowdesk:${botId}`)?.includes('conversationId') ?? false;
  } catch {
    return false;
  }
}

/** What the snippet installs: every SDK method queues its call until a loader boots and replays them. */
function queuingStub(): SdkStub {
  const q: unknown[] = [];
  const stub: SdkStub & Record<string, unknown> = { q };
  for (const m of SDK_METHODS) stub[m] = (...args: unknown[]) => void q.push([m, ...args]);
  return stub;
}

function boot(config: FlowdeskConfig, botLauncher: Promise<BotLauncher | null>): void {
  const stub = (window.Flowdesk ?? {}) as SdkStub;
  const emitter = new Emitter();
  // What the page said (config, then each setVariables/identify) until the chat loads; the chat checks them in order.
  const pageDetails: PageDetails[] = [{ variables: config.variables, visitor: config.visitor }];
  const strings = config.strings ?? {};
  const { host, root } = createHostElement();
  const container = h('div', { class: `fd-root${config.position === 'left' ? ' left' : ''}` });
  applyTheme(container, config.theme?.primaryColor ?? DEFAULT_PRIMARY);
  let open = false;
  let chat: Promise<ChatController> | null = null;
  let background: ReturnType<typeof setTimeout> | undefined;
  // Page config first, then the bot's texts (empty = not set), then the defaults.
  const labels = (bot: Record<string, string> = {}) => ({
    open: strings.openChat || bot.openChat || 'Open chat',
    close: strings.closeChat || bot.closeChat || 'Close chat',
    unread: strings.unread || bot.unread || '{count} unread',
  });

  const launcher = createLauncher(labels(), () => api.toggle());
  // Unless the page fixes colour and side itself, the launcher stays unseen until the bot's arrive
  // (or SETTINGS_WAIT_MS pass), so a visitor does not watch it change colour or jump sides.
  const reveal = () => container.classList.remove('pending');
  if (!config.theme?.primaryColor || !config.position) container.classList.add('pending');
  const revealTimer = setTimeout(reveal, SETTINGS_WAIT_MS);
  void botLauncher.then((bot) => {
    clearTimeout(revealTimer);
    const theme = bot?.theme;
    if (theme?.primaryColor && !config.theme?.primaryColor) applyTheme(container, theme.primaryColor);
    if (theme && !config.position) container.classList.toggle('left', theme.position === 'left');
    if (bot?.strings) launcher.setLabels(labels(bot.strings));
    reveal();
  });
  root.append(h('style', null, LAUNCHER_CSS), container);
  container.append(launcher.button);

  function loadChat(): Promise<ChatController> {
    // After destroy() and a fresh boot the chat chunk is already on the page.
    chat ??= (window.__flowdeskChat ? Promise.resolve() : loadScript(chatUrl(config))).then(() => {
      const module = window.__flowdeskChat;
      if (!module) throw new Error('Flowdesk: chat module missing');
      return module.mount({
        root,
        config,
        pageDetails,
        launcher: launcher.button,
        emit: (event, payload) => emitter.emit(event, payload),
        setUnread: (count) => launcher.setUnread(count),
        setLabels: (labels) => launcher.setLabels(labels),
        requestClose: () => api.close(),
      });
    });
    chat.catch((error) => {
      chat = null;
      console.error(error);
    });
    return chat;
  }

  const api: SdkTarget & { version: string } = {
    version: '1',
    open() {
      if (open) return;
      open = true;
      container.classList.add('open');
      launcher.setOpen(true);
      void loadChat().then((c) => (open ? c.open() : undefined));
      emitter.emit('open', undefined);
    },
    close() {
      if (!open) return;
      open = false;
      container.classList.remove('open');
      launcher.setOpen(false);
      void chat?.then((c) => c.close());
      emitter.emit('close', undefined);
    },
    toggle: () => (open ? api.close() : api.open()),
    hide() {
      api.close();
      setHostVisible(host, false);
    },
    show: () => setHostVisible(host, true),
    setVariables(next: Variables) {
      if (chat) void chat.then((c) => c.setVariables(next));
      else pageDetails.push({ variables: next });
    },
    identify(details: VisitorIdentity) {
      if (chat) void chat.then((c) => c.identify(details));
      else pageDetails.push({ visitor: details });
    },
    on: (event: WidgetEventName, fn: WidgetListener) => emitter.on(event, fn),
    off: (event: WidgetEventName, fn: WidgetListener) => emitter.off(event, fn),
    destroy() {
      clearTimeout(background);
      clearTimeout(revealTimer);
      void chat?.then((c) => c.destroy());
      emitter.clear();
      host.remove();
      // Back to the snippet's stub: calls queue again, and running the loader again replays them.
      window.Flowdesk = queuingStub();
      window.__flowdeskBooted = false;
    },
  };

  document.body.append(host);
  window.Flowdesk = api;
  replayQueue(stub.q, api, (msg) => console.warn(msg));

  // Opened from an email's link: straight into that conversation.
  if (config.continueToken) api.open();
  // A returning visitor with a conversation: connect in the background so replies raise the badge.
  else if (!chat && storedConversation(config.botId)) {
    background = setTimeout(() => void loadChat().then((c) => c.connect()), 300);
  }
}

/**
 * The token of an email's "continue the chat" link (`?flowdesk_continue=`), taken off the address bar
 * so that a reload or a shared URL does not carry it.
 */
// The contract's CONTINUE_PARAM, written out: importing a value from the contract would bundle zod.
const CONTINUE_PARAM = 'flowdesk_continue';

function takeContinueToken(): string | undefined {
  const url = new URL(location.href);
  const token = url.searchParams.get(CONTINUE_PARAM);
  if (!token) return undefined;
  url.searchParams.delete(CONTINUE_PARAM);
  history.replaceState(history.state, '', url.toString());
  return token.slice(0, 2000);
}

function start(): void {
  const found = window.FlowdeskConfig;
  const continueToken = takeContinueToken();
  const config = found && continueToken ? { ...found, continueToken } : found;
  if (!config?.botId || !config.runtimeUrl) {
    console.error('Flowdesk: set window.FlowdeskConfig = { botId, runtimeUrl } before loading the widget');
    return;
  }
  if (window.__flowdeskBooted) return; // the snippet is on the page twice
  window.__flowdeskBooted = true;
  // Asked for at once, while the page may still be parsing; the launcher applies it on arrival.
  const botLauncher = fetchBotLauncher(config);
  if (document.body) boot(config, botLauncher);
  else document.addEventListener('DOMContentLoaded', () => boot(config, botLauncher), { once: true });
}

start();
