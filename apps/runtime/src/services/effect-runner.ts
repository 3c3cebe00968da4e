import { type EffectOutcome, type ExternalEffectKind, outcomeOf } from '@flowdesk/engine';
import type { PendingEffectRow } from '../db/schema';
import { claimExpiredEffects, releaseEffects, renewEffectLeases } from '../repositories/pending-effects';
import type { Services } from '.';
import { callExternal } from './external-effects';
import { callKey, SPECULATED_KINDS, Speculation } from './speculation';

/** How long a stream waits before sending more text (the first piece goes at once). */
const STREAM_INTERVAL_MS = 40;
const DRAIN_MS = 5000;

function timedOut(): EffectOutcome {
  return { ok: false, error: 'The call did not finish in time.' };
}

/**
 * Runs the flow effects that leave the process, with no database connection held: at most `limit` at
 * once per instance (the rest wait in memory, their rows leased to this instance), each bounded by its
 * deadline; its result is applied in a new short transaction (`ConversationService.applyEffect`). Leases
 * are renewed while this instance holds them, so a crashed instance's effects are taken over by the
 * sweep of any instance within one lease and run again (same id, sent as Idempotency-Key) or, past
 * their deadline, sent down the block's error path.
 */
export class EffectRunner {
  private readonly queue: PendingEffectRow[] = [];
  private readonly running = new Map<string, Promise<void>>();
  private timers: NodeJS.Timeout[] = [];
  private closed = false;
  /** At most one speculative call per conversation (see Speculation), dropped when not claimed in time. */
  private readonly speculations = new Map<string, Speculation>();

  /** `resolveServices` gives the process's services when used: they hold this runner (see createServices). */
  constructor(
    private readonly resolveServices: () => Services,
    private readonly limit: number,
    private readonly leaseMs: number,
  ) {}

  private get services(): Services {
    return this.resolveServices();
  }

  /** Effects this instance runs now / holds waiting for a slot. */
  get inFlight() {
    return this.running.size;
  }
  get waiting() {
    return this.queue.length;
  }

  /** Starts the lease heartbeat and the sweep for effects other instances left behind. */
  start() {
    const every = Math.max(50, Math.floor(this.leaseMs / 3));
    const tick = (name: string, work: () => Promise<unknown>) => {
      const timer = setInterval(() => {
        work().catch((error) => this.services.logger.warn({ err: error }, `effect ${name} failed`));
      }, every);
      timer.unref();
      this.timers.push(timer);
    };
    tick('lease renewal', () => renewEffectLeases(this.services.db, this.heldIds(), this.leaseMs));
    tick('sweep', () => this.sweep());
    this.sweep().catch((error) => this.services.logger.warn({ err: error }, 'effect sweep failed'));
  }

  submit(row: PendingEffectRow) {
    if (this.closed || this.running.has(row.id) || this.queue.some((queued) => queued.id === row.id)) return;
    this.queue.push(row);
    this.pump();
  }

  /**
   * Starts `kind` for the conversation before the flow asks for it (see Speculation); `engineRequest` is
   * the request as the engine builds it, `request` what is sent.
   */
  speculate(
    { conversationId, workspaceId }: { conversationId: string; workspaceId: string },
    kind: ExternalEffectKind,
    engineRequest: unknown,
    request: unknown,
    keepMs: number,
  ) {
    if (this.closed) return;
    const speculation = new Speculation(callKey(kind, engineRequest), (onText) =>
      callExternal(this.services, kind, request, kind === 'answer' ? { workspaceId, onText } : { workspaceId }),
    );
    this.speculations.set(conversationId, speculation);
    const forget = setTimeout(() => {
      if (this.speculations.get(conversationId) === speculation) this.speculations.delete(conversationId);
    }, keepMs);
    forget.unref();
  }

  /** Takes over effects whose lease ran out (up to the free room of this instance). */
  async sweep() {
    const room = this.limit - this.running.size - this.queue.length;
    if (this.closed || room <= 0) return;
    const claimed = await claimExpiredEffects(this.services.db, { limit: room, leaseMs: this.leaseMs });
    for (const row of claimed) {
      this.services.logger.info({ effectId: row.id, kind: row.kind, attempts: row.attempts }, 'effect taken over');
      this.submit(row);
    }
  }

  /** Stops taking work; effects not started are given back, running ones get a moment to finish. */
  async close() {
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    const notStarted = this.queue.splice(0).map((row) => row.id);
    await releaseEffects(this.services.db, notStarted).catch(() => {});
    let timer: NodeJS.Timeout | undefined;
    const drained = Promise.all(this.running.values()).then(() => true);
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), DRAIN_MS);
    });
    const finished = await Promise.race([drained, late]);
    clearTimeout(timer);
    if (!finished) await releaseEffects(this.services.db, [...this.running.keys()]).catch(() => {});
  }

  private heldIds() {
    return [...this.running.keys(), ...this.queue.map((row) => row.id)];
  }

  private pump() {
    while (this.running.size < this.limit && this.queue.length > 0) {
      const row = this.queue.shift()!;
      const run = this.execute(row)
        .catch((error) => this.services.logger.error({ err: error, effectId: row.id }, 'effect failed'))
        .finally(() => {
          this.running.delete(row.id);
          this.pump();
        });
      this.running.set(row.id, run);
    }
  }

  private async execute(row: PendingEffectRow) {
    const left = row.deadline_at.getTime() - Date.now();
    const outcome = left <= 0 ? timedOut() : await this.call(row, left);
    await this.services.conversations.applyEffect(row.conversation_id, row.id, outcome);
  }

  private async call(row: PendingEffectRow, budgetMs: number): Promise<EffectOutcome> {
    const stream = row.kind === 'answer' ? this.streamer(row) : undefined;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<EffectOutcome>((resolve) => {
      timer = setTimeout(() => resolve(timedOut()), budgetMs);
    });
    const speculation = SPECULATED_KINDS.has(row.kind as ExternalEffectKind)
      ? this.speculations.get(row.conversation_id)
      : undefined;
    if (speculation) this.speculations.delete(row.conversation_id);
    const work =
      speculation?.key === callKey(row.kind, row.request)
        ? speculation.claim(stream?.push)
        : this.callNow(row, stream?.push);
    try {
      return await Promise.race([work, late]);
    } finally {
      clearTimeout(timer);
      stream?.stop(); // no text may follow the stored message
    }
  }

  private callNow(row: PendingEffectRow, stream: ((text: string) => void) | undefined): Promise<EffectOutcome> {
    return outcomeOf(
      callExternal(this.services, row.kind as ExternalEffectKind, row.request, {
        workspaceId: row.workspace_id,
        effectId: row.id,
        ...(stream ? { onText: stream } : {}),
      }),
    );
  }

  /** Publishes an answer's text as it grows: the first piece at once, then at most every 40 ms. */
  private streamer(row: PendingEffectRow) {
    const { hub } = this.services;
    let last = 0;
    let latest = '';
    let timer: NodeJS.Timeout | undefined;
    const send = () => {
      timer = undefined;
      last = Date.now();
      hub.publish({
        kind: 'stream',
        workspaceId: row.workspace_id,
        conversationId: row.conversation_id,
        streamId: row.id,
        text: latest,
      });
    };
    return {
      push: (text: string) => {
        latest = text;
        if (timer) return;
        const wait = Math.max(0, last + STREAM_INTERVAL_MS - Date.now());
        if (wait === 0) send();
        else timer = setTimeout(send, wait);
      },
      stop: () => clearTimeout(timer),
    };
  }
}
