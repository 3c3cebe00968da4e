import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles per attempt between half and the whole ceiling', () => {
    expect(backoffDelay(0, () => 0)).toBe(250);
    expect(backoffDelay(0, () => 1)).toBe(500);
    expect(backoffDelay(3, () => 1)).toBe(4000);
  });

  it('never exceeds the maximum', () => {
    expect(backoffDelay(50, () => 1)).toBe(15_000);
    expect(backoffDelay(50, () => 0)).toBe(7500);
  });
});
