import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows up to the limit per window, then reports the wait', () => {
    let now = 1000;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect([limiter.hit('a'), limiter.hit('a'), limiter.hit('a')]).toEqual([0, 0, 0]);
    expect(limiter.hit('a')).toBe(60_000);
    expect(limiter.hit('b')).toBe(0);
    now += 60_000;
    expect(limiter.hit('a')).toBe(0);
  });

  it('forgets a key on reset', () => {
    const limiter = new RateLimiter(1, 1000, () => 0);
    limiter.hit('k');
    expect(limiter.hit('k')).toBeGreaterThan(0);
    limiter.reset('k');
    expect(limiter.hit('k')).toBe(0);
  });
});
