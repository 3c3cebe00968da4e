/** Waits between automatic retries of a failed save: 2 s, 4 s, 8 s… capped at 30 s. */
export const RETRY_BASE_MS = 2000;
export const RETRY_MAX_MS = 30_000;

export function retryDelayMs(failures: number): number {
  const exponent = Math.max(0, failures - 1);
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.min(exponent, 10));
}
