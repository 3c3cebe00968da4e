import type { SendMessageRequest } from '@flowdesk/contract';
import { type KeyValueStore, keysWith, readJson, writeJson } from './store';

export type SendContent = SendMessageRequest['content'];

export interface OutboxItem {
  clientId: string;
  conversationId: string;
  content: SendContent;
  createdAt: string;
}

/** sent: the runtime stored it; retry: network/5xx, keep it; rejected: 4xx, it will never go through. */
export type SendOutcome = 'sent' | 'retry' | 'rejected';

export interface FlushResult {
  sent: string[];
  rejected: string[];
  /** True when a retryable failure stopped the flush; the rest waits for the next one. */
  stalled: boolean;
}

/** An item as stored: when it was added, so every tab reads the items in typing order. */
interface StoredItem {
  item: OutboxItem;
  at: number;
  n: number;
}

let added = 0;

/**
 * Visitor messages not yet acknowledged, persisted so a reload or a network loss loses nothing.
 * Items go out one at a time in typing order; the runtime is idempotent on clientId, so an item
 * whose acknowledgement was lost is stored once even though it is sent again.
 *
 * Each item is its own storage key (`<key>:<clientId>`). The tabs of one visitor share the outbox, and
 * a browser shows one tab's writes to another only later: with one list under one key, a tab removing
 * its sent item from its stale copy of the list erased an item another tab had just added.
 */
export class Outbox {
  private running: Promise<FlushResult> | null = null;

  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
  ) {
    this.adoptList();
  }

  list(): OutboxItem[] {
    return keysWith(this.store, `${this.key}:`)
      .map((key) => readJson<StoredItem | null>(this.store, key, null))
      .filter((stored): stored is StoredItem => typeof stored?.item?.clientId === 'string')
      .sort((a, b) => a.at - b.at || a.n - b.n)
      .map((stored) => stored.item);
  }

  add(item: OutboxItem): void {
    const stored: StoredItem = { item, at: Date.now(), n: added++ };
    writeJson(this.store, this.itemKey(item.clientId), stored);
  }

  remove(clientId: string): void {
    this.store.removeItem(this.itemKey(clientId));
  }

  /** Sends everything waiting; concurrent calls share one run so no item is in flight twice. */
  flush(send: (item: OutboxItem) => Promise<SendOutcome>): Promise<FlushResult> {
    if (!this.running) {
      this.running = this.run(send).finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private itemKey(clientId: string): string {
    return `${this.key}:${clientId}`;
  }

  /** Items a widget from before one key per item left as one list under the outbox's key. */
  private adoptList(): void {
    if (this.store.getItem(this.key) === null) return;
    const list = readJson<unknown>(this.store, this.key, null);
    if (Array.isArray(list)) for (const item of list as OutboxItem[]) if (item?.clientId) this.add(item);
    this.store.removeItem(this.key);
  }

  private async run(send: (item: OutboxItem) => Promise<SendOutcome>): Promise<FlushResult> {
    const result: FlushResult = { sent: [], rejected: [], stalled: false };
    const tried = new Set<string>();
    for (;;) {
      const next = this.list().find((i) => !tried.has(i.clientId));
      if (!next) return result;
      tried.add(next.clientId);
      const outcome = await send(next).catch((): SendOutcome => 'retry');
      if (outcome === 'retry') return { ...result, stalled: true };
      this.remove(next.clientId);
      result[outcome === 'sent' ? 'sent' : 'rejected'].push(next.clientId);
    }
  }
}
