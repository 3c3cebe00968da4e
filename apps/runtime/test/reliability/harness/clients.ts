import type { Message, ServerFrame, StartSessionResponse } from '@flowdesk/contract';
import WebSocket from 'ws';
import { loginHeaders } from '../../fixtures/accounts';

export interface LoadVisitor {
  token: string;
  conversationId: string;
  /** The conversation's last seq when the session started. */
  lastSeq: number;
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function inParallel<T, R>(items: T[], concurrency: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** `count` visitors with a session and an open conversation each. */
export function startVisitors(baseUrl: string, botId: string, count: number, concurrency = 8): Promise<LoadVisitor[]> {
  return inParallel(Array.from({ length: count }), concurrency, async () => {
    const response = await fetch(`${baseUrl}/api/public/bots/${botId}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    if (response.status !== 200) throw new Error(`session: ${response.status} ${await response.text()}`);
    const session = (await response.json()) as StartSessionResponse;
    return {
      token: session.visitorToken,
      conversationId: session.conversation.id,
      lastSeq: session.conversation.lastSeq,
    };
  });
}

/** POSTs one visitor text message; resolves with the HTTP status (0 when the connection failed). */
export async function sendVisitorText(baseUrl: string, visitor: LoadVisitor, clientId: string, text: string) {
  try {
    const response = await fetch(`${baseUrl}/api/public/conversations/${visitor.conversationId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${visitor.token}` },
      body: JSON.stringify({ clientId, content: { type: 'text', text } }),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

export type ClientSocket = WebSocket;

export const wsUrlOf = (baseUrl: string, query = '') => `${baseUrl.replace(/^http/, 'ws')}/ws${query}`;

/** Opens a socket and resolves once the server said `ready`. */
export function openSocket(url: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options);
    ws.once('message', () => resolve(ws));
    ws.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    ws.once('error', reject);
  });
}

/**
 * An agent's inbox socket following many conversations: calls `onMessage` for every message frame.
 * Subscribes with `afterSeq` so only new messages arrive.
 */
export class AgentWatcher {
  private readonly listeners: Array<(message: Message) => void> = [];
  private readonly pongs: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      if (frame.type === 'message') for (const listener of this.listeners) listener(frame.message);
      if (frame.type === 'pong') for (const wake of this.pongs.splice(0)) wake();
    });
  }

  static async open(baseUrl: string, agentEmail: string): Promise<AgentWatcher> {
    const { cookie } = await loginHeaders(baseUrl, agentEmail);
    return new AgentWatcher(await openSocket(wsUrlOf(baseUrl), { headers: { cookie } }));
  }

  onMessage(listener: (message: Message) => void) {
    this.listeners.push(listener);
  }

  /** Subscribes to each conversation after the given seq; resolves once the server handled every subscribe. */
  follow(conversations: Array<{ conversationId: string; lastSeq: number }>): Promise<void> {
    for (const { conversationId, lastSeq } of conversations) {
      this.ws.send(JSON.stringify({ type: 'subscribe', conversationId, afterSeq: lastSeq }));
    }
    return this.roundTrip();
  }

  /** Frames are handled in order, so the pong comes after every frame sent before the ping was handled. */
  roundTrip(): Promise<void> {
    const answered = new Promise<void>((resolve) => this.pongs.push(resolve));
    this.ws.send(JSON.stringify({ type: 'ping' }));
    return answered;
  }

  close() {
    this.ws.close();
  }
}
