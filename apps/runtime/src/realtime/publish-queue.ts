import { backoffDelay } from '@flowdesk/contract';
import type { HubBridge } from './hub';
import { packPayloads, toItem } from './notify-batch';

/** Events kept for resending while publishing fails (the oldest go first beyond it; followers resync on reconnect). */
const MAX_HELD_ITEMS = 10_000;
/** Resending a failed publish: 250 ms, doubling up to 5 s. */
const PUBLISH_RETRY = { baseMs: 250, maxMs: 5000 };

export interface PublishQueueOptions {
  /** This instance's id in every envelope (receivers skip their own). */
  origin: string;
  /** Bigger message events travel as a reference (receivers read them from the database). */
  maxPayload: number;
  /** Sends the packed payloads, in order, to the other instances; rejects when they may not have gone out. */
  publish: (payloads: string[]) => Promise<void>;
  onError: (error: unknown) => void;
}

/**
 * The sending half of a bridge (PostgreSQL NOTIFY or Redis PUBLISH). Events of one turn of the event loop (a
 * message, the bot's replies) share one publish. A failed publish is sent again, in order, until it goes
 * through: the data it announces is committed and the other instances' subscriptions may never have dropped,
 * so nothing else would tell them. Typing and streamed text are not worth resending.
 */
export function createPublishQueue(options: PublishQueueOptions): Pick<HubBridge, 'send'> & { close(): void } {
  const { origin, maxPayload, publish, onError } = options;
  let pending: Array<{ json: string; durable: boolean }> = [];
  /** The flush that will take the pending events (it starts once the one before it has settled). */
  let next: Promise<void> | null = null;
  /** The last flush scheduled: publishes go out one at a time, or NOTIFYs on two connections could swap. */
  let last: Promise<void> = Promise.resolve();
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let closed = false;
  const schedule = () => {
    const run = last
      .catch(() => {})
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(flush);
    last = run;
    return run;
  };
  const flush = async () => {
    const items = pending;
    pending = [];
    next = null;
    if (items.length === 0) return;
    const payloads = packPayloads(
      origin,
      items.map((item) => item.json),
      maxPayload,
    );
    try {
      await publish(payloads);
      failures = 0;
    } catch (error) {
      pending = [...items.filter((item) => item.durable), ...pending].slice(-MAX_HELD_ITEMS);
      failures++;
      if (!closed && !retryTimer) {
        retryTimer = setTimeout(
          () => {
            retryTimer = undefined;
            next ??= schedule();
            next.catch(onError);
          },
          backoffDelay(failures, PUBLISH_RETRY),
        );
      }
      throw error;
    }
  };

  return {
    send(event) {
      const json = toItem(event, maxPayload);
      if (!json) {
        onError(new Error(`realtime ${event.kind} event too large to relay`));
        return Promise.resolve();
      }
      pending.push({ json, durable: event.kind !== 'typing' && event.kind !== 'stream' });
      next ??= schedule();
      return next;
    },
    close() {
      closed = true;
      clearTimeout(retryTimer);
    },
  };
}
