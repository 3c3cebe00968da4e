import { describe, expect, test } from 'vitest';
import { backoffDelay } from './backoff';

const backoff = { baseMs: 500, maxMs: 10_000 };

describe('backoffDelay', () => {
  test('waits the base before the first retry, then doubles', () => {
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, backoff))).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  test('never waits longer than the maximum, however many retries failed', () => {
    expect(backoffDelay(6, backoff)).toBe(10_000);
    expect(backoffDelay(10_000, backoff)).toBe(10_000);
    expect(backoffDelay(Number.MAX_SAFE_INTEGER, backoff)).toBe(10_000);
  });

  test('a retry count below one waits the base', () => {
    expect(backoffDelay(0, backoff)).toBe(500);
    expect(backoffDelay(-3, backoff)).toBe(500);
  });

  test('with jitter the delay lies between half and all of the plain one', () => {
    expect(backoffDelay(3, { ...backoff, random: () => 0 })).toBe(1000);
    expect(backoffDelay(3, { ...backoff, random: () => 1 })).toBe(2000);
    expect(backoffDelay(3, { ...backoff, random: () => 0.5 })).toBe(1500);
    expect(backoffDelay(50, { ...backoff, random: () => 1 })).toBe(10_000);
  });
});
