import { backoffDelay } from '@flowdesk/contract';
import { ApiError } from '../../api/client';

/** Waits between automatic retries of a failed save: 2 s, 4 s, 8 s… capped at 30 s. */
export const RETRY_BASE_MS = 2000;
export const RETRY_MAX_MS = 30_000;

export function retryDelayMs(failures: number): number {
  return backoffDelay(failures, { baseMs: RETRY_BASE_MS, maxMs: RETRY_MAX_MS });
}

/**
 * Worth retrying on its own: the network or the server failed (5xx), or it asked to wait (408, 429).
 * Other refusals (invalid draft, signed out, gone) will not change by waiting; the next edit tries again.
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status >= 500 || error.status === 408 || error.status === 429 || error.status === 0;
}
