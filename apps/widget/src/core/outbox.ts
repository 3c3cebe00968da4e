import type { SendMessageRequest } from '@flowdesk/contract';
import { type KeyValueStore, readJson, writeJson } from './store';

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

/**
 * Visitor messages not yet acknowledged, persisted so a reload or a network loss loses nothing.
 * Items go out one at a time in typing order; the runtime is idempotent on clientId, so an item
 * whose acknowledgement was lost is stored once even though it is sent again.
 */
export class Outbox {
  private running: Promise<FlushResult> | null = null;

  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
  ) {}

  list(): OutboxItem[] {
    return readJson<OutboxItem[]>(this.store, this.key, []);
  }

  add(item: OutboxItem): void {
    const items = this.list().filter((i) => i.clientId !== item.clientId);
    writeJson(this.store, this.key, [...items, item]);
  }

  remove(clientId: string): void {
    const items = this.list();
    const rest = items.filter((i) => i.clientId !== clientId);
    if (rest.length === 0) this.store.removeItem(this.key);
    else if (rest.length !== items.length) writeJson(this.store, this.key, rest);
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
