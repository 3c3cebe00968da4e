import type { ClientFrame, ServerFrame } from '@flowdesk/contract';
import { backoffDelay } from './backoff';

export interface SocketOptions {
  url: () => string;
  /** Sent as `subscribe` on every (re)connect so the runtime replays what this client missed. */
  subscription: () => { conversationId: string; afterSeq: number } | null;
  onFrame: (frame: ServerFrame) => void;
  onConnected: (connected: boolean) => void;
  pingEveryMs?: number;
}

/** A WebSocket that reconnects with backoff, resubscribes after its last seq and detects dead links. */
export class RealtimeSocket {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private lastFrameAt = 0;
  private stopped = true;
  private readonly onOnline = () => this.reconnectNow();
  /** The browser knows the network is gone: say so now rather than after a heartbeat timeout. */
  private readonly onOffline = () => {
    clearTimeout(this.retryTimer);
    this.teardown();
    this.options.onConnected(false);
  };

  constructor(private readonly options: SocketOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
    this.open();
  }

  stop(): void {
    this.stopped = true;
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
    clearTimeout(this.retryTimer);
    this.teardown();
  }

  get connected(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  send(frame: ClientFrame): boolean {
    if (!this.connected) return false;
    this.ws?.send(JSON.stringify(frame));
    return true;
  }

  subscribe(): void {
    const sub = this.options.subscription();
    if (sub) this.send({ type: 'subscribe', ...sub });
  }

  reconnectNow(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.teardown();
    this.open();
  }

  private open(): void {
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.options.url());
    } catch {
      this.scheduleRetry();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.lastFrameAt = Date.now();
      this.startHeartbeat();
      this.subscribe();
      this.options.onConnected(true);
    };
    ws.onmessage = (event) => {
      this.lastFrameAt = Date.now();
      try {
        this.options.onFrame(JSON.parse(String(event.data)) as ServerFrame);
      } catch {
        // A frame we cannot read is skipped; the next catch-up by seq repairs any gap.
      }
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.teardown();
      this.options.onConnected(false);
      this.scheduleRetry();
    };
    ws.onerror = () => ws.close();
  }

  private startHeartbeat(): void {
    const every = this.options.pingEveryMs ?? 20_000;
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      if (Date.now() - this.lastFrameAt > every * 2) {
        this.ws?.close();
        return;
      }
      this.send({ type: 'ping' });
    }, every);
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(), backoffDelay(this.attempt++));
  }

  private teardown(): void {
    clearInterval(this.pingTimer);
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
      if (ws.readyState <= WebSocket.OPEN) ws.close();
    }
  }
}
