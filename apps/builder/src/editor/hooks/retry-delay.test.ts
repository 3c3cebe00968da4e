import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { isRetryable, RETRY_MAX_MS, retryDelayMs } from './retry-delay';

test('the delay doubles after each failure and stops growing at the cap', () => {
  expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([2000, 4000, 8000, 16_000]);
  expect(retryDelayMs(5)).toBe(RETRY_MAX_MS);
  expect(retryDelayMs(50)).toBe(RETRY_MAX_MS);
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test('a retry loop driven by the delays fires at 2 s, 6 s and 14 s after the first failure', () => {
  const attempts: number[] = [];
  let failures = 1;
  const schedule = () =>
    setTimeout(() => {
      attempts.push(Date.now());
      failures += 1;
      if (attempts.length < 3) schedule();
    }, retryDelayMs(failures));
  const start = Date.now();
  schedule();
  vi.advanceTimersByTime(20_000);
  expect(attempts.map((t) => t - start)).toEqual([2000, 6000, 14_000]);
});

test('network errors, 5xx, 408 and 429 are retried; other refusals wait for the next edit', () => {
  expect(isRetryable(new TypeError('Failed to fetch'))).toBe(true);
  expect(isRetryable(new ApiError(503, 'unavailable', 'down'))).toBe(true);
  expect(isRetryable(new ApiError(429, 'rate_limited', 'slow down'))).toBe(true);
  expect(isRetryable(new ApiError(400, 'invalid', 'bad draft'))).toBe(false);
  expect(isRetryable(new ApiError(401, 'unauthenticated', 'signed out'))).toBe(false);
});
