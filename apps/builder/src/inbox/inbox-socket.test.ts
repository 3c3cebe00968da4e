import { describe, expect, it } from 'vitest';
import { dashboardSocketUrl, InboxSocket } from './inbox-socket';

class FakeSocket {
  readyState = 0;
  sent: unknown[] = [];
  onopen: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code?: number) {
    this.readyState = 3;
    this.onclose?.({ code } as CloseEvent);
  }
  open() {
    this.readyState = 1;
    this.onopen?.({} as Event);
  }
  receive(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) } as MessageEvent);
  }
}

const message = (conversationId: string, seq: number) => ({
  type: 'message',
  message: {
    id: `m${seq}`,
    conversationId,
    seq,
    author: 'visitor',
    authorName: null,
    clientId: null,
    content: { type: 'text', text: `t${seq}` },
    createdAt: '',
  },
});

function harness(onSessionEnded?: () => void) {
  const sockets: FakeSocket[] = [];
  const timers: Array<{ run: () => void; ms: number }> = [];
  const client = new InboxSocket('ws://x/ws', {
    ...(onSessionEnded ? { onSessionEnded } : {}),
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket as never;
    },
    setTimer: (run, ms) => timers.push({ run, ms }),
    clearTimer: () => {},
  });
  return { client, sockets, timers };
}

describe('InboxSocket', () => {
  it('stops reconnecting when the server ends the session (4401) and says so', () => {
    let ended = 0;
    const { sockets, timers } = harness(() => ended++);
    sockets[0]!.open();
    sockets[0]!.close(4401);
    expect(ended).toBe(1);
    expect(timers).toEqual([]);
    expect(sockets).toHaveLength(1);
  });

  it('reconnects after the first short delay when rights changed (4403), however many closes came before', () => {
    const { sockets, timers } = harness();
    sockets[0]!.close();
    timers[0]!.run();
    sockets[1]!.close();
    timers[1]!.run();
    sockets[2]!.close(4403);
    expect(timers.map((t) => t.ms)).toEqual([500, 1000, 500]);
  });

  it('delivers each followed message once, in order, and drops replays it has seen', () => {
    const { client, sockets } = harness();
    const seen: number[] = [];
    client.onFrame((frame) => frame.type === 'message' && seen.push(frame.message.seq));
    sockets[0]!.open();
    client.follow('c1', 2);
    expect(sockets[0]!.sent).toEqual([{ type: 'subscribe', conversationId: 'c1', afterSeq: 2 }]);
    for (const seq of [2, 3, 4, 4, 3, 5]) sockets[0]!.receive(message('c1', seq));
    sockets[0]!.receive(message('other', 9));
    expect(seen).toEqual([3, 4, 5]);
  });

  it('reconnects with growing backoff and resubscribes from the last seq seen', () => {
    const { client, sockets, timers } = harness();
    const states: boolean[] = [];
    client.onStatus((connected) => states.push(connected));
    sockets[0]!.open();
    client.follow('c1', 0);
    sockets[0]!.receive(message('c1', 1));
    sockets[0]!.receive(message('c1', 2));
    sockets[0]!.close();
    expect(timers.map((t) => t.ms)).toEqual([500]);
    timers[0]!.run();
    sockets[1]!.close();
    expect(timers.map((t) => t.ms)).toEqual([500, 1000]);
    timers[1]!.run();
    sockets[2]!.open();
    expect(sockets[2]!.sent).toEqual([{ type: 'subscribe', conversationId: 'c1', afterSeq: 2 }]);
    expect(states).toEqual([true, false, false, true]);
  });

  it('stops for good on close, and only sends typing for followed conversations', () => {
    const { client, sockets, timers } = harness();
    sockets[0]!.open();
    client.typing('c1', true);
    client.follow('c1', 0);
    client.typing('c1', true);
    client.unfollow('c1');
    expect(sockets[0]!.sent.map((f) => (f as { type: string }).type)).toEqual(['subscribe', 'typing', 'unsubscribe']);
    client.close();
    expect(timers).toEqual([]);
  });

  it('builds the socket URL from the page origin', () => {
    expect(dashboardSocketUrl({ protocol: 'https:', host: 'app.example.com' })).toBe('wss://app.example.com/ws');
    expect(dashboardSocketUrl({ protocol: 'http:', host: '127.0.0.1:3000' })).toBe('ws://127.0.0.1:3000/ws');
  });
});
