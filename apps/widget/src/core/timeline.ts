import type { Message, MessageContent } from '@flowdesk/contract';

/** A visitor message typed here that the runtime has not confirmed yet. */
export interface PendingMessage {
  clientId: string;
  content: MessageContent;
  createdAt: string;
  failed?: boolean;
}

export type TimelineEntry =
  | { key: string; kind: 'message'; message: Message }
  | { key: string; kind: 'pending'; pending: PendingMessage };

/**
 * The visitor's view of one conversation: confirmed messages ordered by seq (each id and seq kept
 * once, whatever mix of HTTP replies, WebSocket pushes and catch-up pages delivered it), followed by
 * the visitor's own unconfirmed messages in the order they were typed.
 */
export class Timeline {
  private readonly bySeq: Message[] = [];
  private readonly ids = new Set<string>();
  private readonly pending = new Map<string, PendingMessage>();

  private synced = 0;

  /** Highest seq received (read position, unread counts). */
  get lastSeq(): number {
    return this.bySeq[this.bySeq.length - 1]?.seq ?? 0;
  }

  /**
   * Up to here every visible message was received from a complete source (a catch-up page or the socket's
   * gap-free stream): what a reconnecting client asks to continue after. A send's answer is not complete
   * (an agent's reply written just before it is not in it), so it never moves this past a gap.
   */
  get syncedSeq(): number {
    return this.synced;
  }

  get size(): number {
    return this.bySeq.length + this.pending.size;
  }

  /** Adds confirmed messages (`complete`: nothing visible before them is missing); returns the new ones in seq order. */
  add(messages: readonly Message[], complete = false): Message[] {
    const added: Message[] = [];
    for (const message of messages) {
      if (complete) this.synced = Math.max(this.synced, message.seq);
      if (message.content.type === 'note') continue;
      if (this.ids.has(message.id) || this.has(message.seq)) continue;
      this.ids.add(message.id);
      this.insert(message);
      if (message.clientId) this.pending.delete(message.clientId);
      added.push(message);
    }
    return added.sort((a, b) => a.seq - b.seq);
  }

  addPending(pending: PendingMessage): void {
    if (!this.bySeq.some((m) => m.clientId === pending.clientId)) this.pending.set(pending.clientId, pending);
  }

  markFailed(clientId: string): void {
    const item = this.pending.get(clientId);
    if (item) this.pending.set(clientId, { ...item, failed: true });
  }

  removePending(clientId: string): void {
    this.pending.delete(clientId);
  }

  messages(): readonly Message[] {
    return this.bySeq;
  }

  entries(): TimelineEntry[] {
    const confirmed = this.bySeq.map((message): TimelineEntry => ({ key: message.id, kind: 'message', message }));
    const waiting = [...this.pending.values()].map(
      (pending): TimelineEntry => ({ key: `pending:${pending.clientId}`, kind: 'pending', pending }),
    );
    return confirmed.concat(waiting);
  }

  clear(): void {
    this.synced = 0;
    this.bySeq.length = 0;
    this.ids.clear();
    this.pending.clear();
  }

  /** Whether a visible message with this seq is here. */
  has(seq: number): boolean {
    const index = this.lowerBound(seq);
    return this.bySeq[index]?.seq === seq;
  }

  private insert(message: Message): void {
    this.bySeq.splice(this.lowerBound(message.seq), 0, message);
  }

  /** First index whose seq is >= the given one. */
  private lowerBound(seq: number): number {
    let lo = 0;
    let hi = this.bySeq.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.bySeq[mid]?.seq ?? 0) < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
