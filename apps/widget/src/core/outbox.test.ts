import { describe, expect, it } from 'vitest';
import { Outbox, type OutboxItem, type SendOutcome } from './outbox';
import { type KeyValueStore, memoryStore } from './store';

const item = (clientId: string): OutboxItem => ({
  clientId,
  conversationId: 'conv',
  content: { type: 'text', text: clientId },
  createdAt: '2026-01-01T00:00:00Z',
});

describe('Outbox', () => {
  it('persists items in the store so another Outbox on the same key (reload, other tab) sees them', () => {
    const store = memoryStore();
    new Outbox(store, 'k').add(item('a'));
    new Outbox(store, 'k').add(item('b'));
    expect(new Outbox(store, 'k').list().map((i) => i.clientId)).toEqual(['a', 'b']);
  });

  it('sends in order and empties itself', async () => {
    const outbox = new Outbox(memoryStore(), 'k');
    outbox.add(item('a'));
    outbox.add(item('b'));
    const seen: string[] = [];
    const result = await outbox.flush(async (i) => {
      seen.push(i.clientId);
      return 'sent';
    });
    expect(seen).toEqual(['a', 'b']);
    expect(result).toEqual({ sent: ['a', 'b'], rejected: [], stalled: false });
    expect(outbox.list()).toEqual([]);
  });

  it('stops at a retryable failure and keeps that item and the ones after it, in order', async () => {
    const outbox = new Outbox(memoryStore(), 'k');
    for (const id of ['a', 'b', 'c']) outbox.add(item(id));
    const result = await outbox.flush(async (i) => (i.clientId === 'b' ? 'retry' : 'sent'));
    expect(result).toEqual({ sent: ['a'], rejected: [], stalled: true });
    expect(outbox.list().map((i) => i.clientId)).toEqual(['b', 'c']);
  });

  it('treats a thrown send as retryable and drops rejected items', async () => {
    const outbox = new Outbox(memoryStore(), 'k');
    outbox.add(item('bad'));
    outbox.add(item('boom'));
    const result = await outbox.flush(async (i) => {
      if (i.clientId === 'boom') throw new Error('network');
      return 'rejected';
    });
    expect(result).toEqual({ sent: [], rejected: ['bad'], stalled: true });
    expect(outbox.list().map((i) => i.clientId)).toEqual(['boom']);
  });

  it('concurrent flushes (reconnect + online event) send each item once', async () => {
    const outbox = new Outbox(memoryStore(), 'k');
    outbox.add(item('a'));
    outbox.add(item('b'));
    const calls: string[] = [];
    const send = async (i: OutboxItem): Promise<SendOutcome> => {
      calls.push(i.clientId);
      await new Promise((r) => setTimeout(r, 5));
      return 'sent';
    };
    const [first, second] = await Promise.all([outbox.flush(send), outbox.flush(send)]);
    expect(calls).toEqual(['a', 'b']);
    expect(first).toBe(second);
  });

  it('picks up items added while a flush is running', async () => {
    const outbox = new Outbox(memoryStore(), 'k');
    outbox.add(item('a'));
    const calls: string[] = [];
    await outbox.flush(async (i) => {
      calls.push(i.clientId);
      if (i.clientId === 'a') outbox.add(item('late'));
      return 'sent';
    });
    expect(calls).toEqual(['a', 'late']);
  });

  it('survives corrupt stored data', () => {
    const store = memoryStore();
    store.setItem('k', '{not json');
    store.setItem('k:x', '{not json');
    expect(new Outbox(store, 'k').list()).toEqual([]);
  });

  it('takes over the one list an earlier widget stored under its key, in order', () => {
    const store = memoryStore();
    store.setItem('k', JSON.stringify([item('a'), item('b')]));
    const outbox = new Outbox(store, 'k');
    expect(outbox.list().map((i) => i.clientId)).toEqual(['a', 'b']);
    expect(store.getItem('k')).toBeNull();
  });

  it("one tab removing what it sent never erases another tab's item, though each tab sees the other's writes late", async () => {
    const tabs = twoTabs();
    const first = new Outbox(tabs.first, 'k');
    const second = new Outbox(tabs.second, 'k');
    first.add(item('from-first'));
    tabs.sync();
    second.add(item('from-second'));
    // The first tab has not seen the second's item yet when it sends its own and removes it.
    const sent: string[] = [];
    await first.flush(async (i) => {
      sent.push(i.clientId);
      return 'sent';
    });
    tabs.sync();
    expect(sent).toEqual(['from-first']);
    expect(second.list().map((i) => i.clientId)).toEqual(['from-second']);
    expect(first.list().map((i) => i.clientId)).toEqual(['from-second']);
  });
});

/**
 * Two tabs' localStorage as a browser gives it: writes reach the shared store at once (last writer wins),
 * but each tab reads its own copy, refreshed only when the browser delivers the other's changes (`sync`).
 */
function twoTabs() {
  const shared = new Map<string, string>();
  const tab = () => {
    let copy = new Map<string, string>();
    const store: KeyValueStore = {
      getItem: (key) => copy.get(key) ?? null,
      setItem: (key, value) => {
        copy.set(key, value);
        shared.set(key, value);
      },
      removeItem: (key) => {
        copy.delete(key);
        shared.delete(key);
      },
      get length() {
        return copy.size;
      },
      key: (index) => [...copy.keys()][index] ?? null,
    };
    return { store, refresh: () => (copy = new Map(shared)) };
  };
  const first = tab();
  const second = tab();
  return {
    first: first.store,
    second: second.store,
    sync() {
      first.refresh();
      second.refresh();
    },
  };
}
