export interface Backoff {
  /** Delay before the first retry. */
  baseMs: number;
  /** Longest delay, however many retries failed. */
  maxMs: number;
  /** With a random source, each delay is spread over [half, all] of its value so clients do not retry in lockstep. */
  random?: () => number;
}

/**
 * The one retry delay of Flowdesk (runtime email outbox and realtime bridge, dashboard socket and autosave,
 * widget socket): `baseMs` before retry 1, doubling each retry, capped at `maxMs`.
 */
export function backoffDelay(retry: number, { baseMs, maxMs, random }: Backoff): number {
  const doublings = Math.min(Math.max(0, Math.floor(retry) - 1), 40);
  const ceiling = Math.min(maxMs, baseMs * 2 ** doublings);
  return random ? Math.round(ceiling / 2 + (random() * ceiling) / 2) : ceiling;
}
