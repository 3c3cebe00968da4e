import type { StoredMessage } from '../repositories/messages';

export type LoadAfter = (afterSeq: number, limit: number) => Promise<StoredMessage[]>;

const BATCH = 500;

/**
 * One subscriber's view of one conversation: delivers every message exactly once, in seq order.
 * It replays what was missed from the database, drops duplicates, and fills gaps (a live event
 * that arrives ahead of an earlier one) from the database before delivering.
 */
export class SeqStream {
  private last: number;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    afterSeq: number,
    private readonly load: LoadAfter,
    private readonly emit: (stored: StoredMessage) => void,
    private readonly onError: (error: unknown) => void,
  ) {
    this.last = afterSeq;
  }

  get lastSeq() {
    return this.last;
  }

  /** Delivers everything after the last delivered seq from the database: right after creating the stream, and again when live events may have been missed. */
  replay() {
    this.enqueue(() => this.catchUp(Number.POSITIVE_INFINITY));
  }

  /** A live message from the hub. */
  push(stored: StoredMessage) {
    this.enqueue(async () => {
      const seq = stored.message.seq;
      if (seq <= this.last) return;
      if (seq > this.last + 1) await this.catchUp(seq - 1);
      if (seq === this.last + 1) this.deliver(stored);
    });
  }

  /** Resolves when everything queued so far was delivered (tests). */
  settled() {
    return this.chain;
  }

  close() {
    this.closed = true;
  }

  private enqueue(task: () => Promise<void>) {
    this.chain = this.chain.then(task).catch(this.onError);
  }

  private async catchUp(upTo: number) {
    while (!this.closed && this.last < upTo) {
      const batch = await this.load(this.last, BATCH);
      for (const stored of batch) {
        if (stored.message.seq > upTo) return;
        if (stored.message.seq > this.last) this.deliver(stored);
      }
      if (batch.length < BATCH) return;
    }
  }

  private deliver(stored: StoredMessage) {
    if (this.closed) return;
    this.last = stored.message.seq;
    this.emit(stored);
  }
}
