import { describe, expect, it } from 'vitest';
import type { HubEvent } from './events';
import { RealtimeHub } from './hub';

const message = (conversationId: string, seq: number): HubEvent =>
  ({ kind: 'message', workspaceId: 'w', internal: false, message: { conversationId, seq } }) as never;
const typing = (conversationId: string): HubEvent => ({
  kind: 'typing',
  workspaceId: 'w',
  conversationId,
  author: 'agent',
  name: null,
  typing: true,
  sourceConnectionId: 'x',
});
const presence: HubEvent = { kind: 'presence', workspaceId: 'w', userId: 'u', status: 'online' };

describe('RealtimeHub', () => {
  it('gives workspace listeners everything and conversation listeners only their conversation', () => {
    const hub = new RealtimeHub();
    const all: HubEvent[] = [];
    const followsA: HubEvent[] = [];
    hub.subscribe((event) => all.push(event));
    hub.subscribeConversation('a', (event) => followsA.push(event));
    const events = [message('a', 1), message('b', 1), typing('a'), typing('b'), presence];
    for (const event of events) hub.publish(event);
    expect(all).toEqual(events);
    expect(followsA).toEqual([message('a', 1), typing('a')]);
  });

  it('stops delivering after unsubscribe and keeps a newer subscription of the same conversation', () => {
    const hub = new RealtimeHub();
    const first: HubEvent[] = [];
    const second: HubEvent[] = [];
    const stopFirst = hub.subscribeConversation('a', (event) => first.push(event));
    stopFirst();
    hub.subscribeConversation('a', (event) => second.push(event));
    stopFirst();
    hub.publish(message('a', 2));
    expect(first).toEqual([]);
    expect(second).toEqual([message('a', 2)]);
  });

  it('reports a failing listener and still reaches the others', () => {
    const errors: unknown[] = [];
    const hub = new RealtimeHub((error) => errors.push(error));
    const got: HubEvent[] = [];
    hub.subscribeConversation('a', () => {
      throw new Error('boom');
    });
    hub.subscribeConversation('a', (event) => got.push(event));
    hub.publish(message('a', 3));
    expect(errors).toHaveLength(1);
    expect(got).toHaveLength(1);
  });
});

describe('RealtimeHub resync', () => {
  it('calls every resync listener until it unsubscribes', () => {
    const hub = new RealtimeHub();
    let calls = 0;
    const stop = hub.onResync(() => {
      calls++;
    });
    hub.resync();
    stop();
    hub.resync();
    expect(calls).toBe(1);
  });
});
