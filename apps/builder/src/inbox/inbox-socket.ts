import { backoffDelay, type ClientFrame, type ServerFrame } from '@flowdesk/contract';

type SocketLike = Pick<WebSocket, 'send' | 'close' | 'readyState'> & {
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
};

export interface InboxSocketOptions {
  createSocket?: (url: string) => SocketLike;
  /** Delay before reconnect attempt n (1, 2, …). */
  backoffMs?: (attempt: number) => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** The server ended the socket because the session ended (close 4401): the user is signed out. */
  onSessionEnded?: () => void;
}

/** Close codes the runtime uses when a dashboard session ends or its rights shrink (realtime/revocations). */
export const SESSION_ENDED = 4401;
export const RIGHTS_CHANGED = 4403;

const OPEN = 1;
const defaultBackoff = (attempt: number) => backoffDelay(attempt, { baseMs: 500, maxMs: 10_000 });

/**
 * The dashboard's one WebSocket to the runtime. Reconnects with backoff and, after each reconnect,
 * re-subscribes every followed conversation from the last seq it saw, so no message is missed or doubled.
 */
export class InboxSocket {
  private socket: SocketLike | null = null;
  private readonly followed = new Map<string, number>();
  private readonly listeners = new Set<(frame: ServerFrame) => void>();
  private readonly statusListeners = new Set<(connected: boolean) => void>();
  private attempt = 0;
  private timer: unknown = null;
  private closed = false;
  connected = false;

  constructor(
    private readonly url: string,
    private readonly options: InboxSocketOptions = {},
  ) {
    this.open();
  }

  onFrame(listener: (frame: ServerFrame) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onStatus(listener: (connected: boolean) => void) {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Follows a conversation's messages after `afterSeq` (replayed, then live). */
  follow(conversationId: string, afterSeq: number) {
    this.followed.set(conversationId, afterSeq);
    this.send({ type: 'subscribe', conversationId, afterSeq });
  }

  unfollow(conversationId: string) {
    if (!this.followed.delete(conversationId)) return;
    this.send({ type: 'unsubscribe', conversationId });
  }

  typing(conversationId: string, typing: boolean) {
    if (this.followed.has(conversationId)) this.send({ type: 'typing', conversationId, typing });
  }

  close() {
    this.closed = true;
    if (this.timer !== null) (this.options.clearTimer ?? clearTimeout)(this.timer as never);
    this.socket?.close();
    this.socket = null;
  }

  private send(frame: ClientFrame) {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(frame));
  }

  private open() {
    const socket = (this.options.createSocket ?? ((url) => new WebSocket(url)))(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.setConnected(true);
      for (const [conversationId, afterSeq] of this.followed)
        this.send({ type: 'subscribe', conversationId, afterSeq });
    };
    socket.onmessage = (event) => this.receive(String(event.data));
    socket.onerror = () => socket.close();
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.setConnected(false);
      if (this.closed) return;
      if (event?.code === SESSION_ENDED) {
        // Reconnecting could only be refused: the app returns to the login page instead.
        this.closed = true;
        this.options.onSessionEnded?.();
        return;
      }
      // Rights shrank: reconnect after the first, short delay (not a growing one), so what this user may
      // still see is checked afresh by the new socket's subscribes.
      this.attempt = event?.code === RIGHTS_CHANGED ? 1 : this.attempt + 1;
      this.timer = (this.options.setTimer ?? setTimeout)(
        () => {
          this.timer = null;
          if (!this.closed) this.open();
        },
        (this.options.backoffMs ?? defaultBackoff)(this.attempt),
      );
    };
  }

  private receive(text: string) {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(text) as ServerFrame;
    } catch {
      return;
    }
    if (frame.type === 'message') {
      const seen = this.followed.get(frame.message.conversationId);
      if (seen === undefined) return;
      if (frame.message.seq <= seen) return;
      this.followed.set(frame.message.conversationId, frame.message.seq);
    }
    for (const listener of this.listeners) listener(frame);
  }

  private setConnected(connected: boolean) {
    this.connected = connected;
    for (const listener of this.statusListeners) listener(connected);
  }
}

/** ws(s)://<this host>/ws for the page's origin. */
export function dashboardSocketUrl(location: Pick<Location, 'protocol' | 'host'> = window.location) {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}
