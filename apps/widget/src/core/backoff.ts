import { backoffDelay as delayOf } from '@flowdesk/contract/backoff';

/** Reconnect delay for attempt 0, 1, …: from 500 ms doubling to 15 s, jittered so tabs do not reconnect in lockstep. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  return delayOf(attempt + 1, { baseMs: 500, maxMs: 15_000, random });
}
