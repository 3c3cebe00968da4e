import { describe, expect, it } from 'vitest';
import { FrameBudget } from './frame-budget';

describe('FrameBudget', () => {
  it('allows the limit per 10 s window, flags the first refusal only, and refills with the next window', () => {
    let now = 0;
    const budget = new FrameBudget(3, () => now);
    expect([budget.take(), budget.take(), budget.take()]).toEqual([true, true, true]);
    expect(budget.take()).toBe(false);
    expect(budget.justSpent).toBe(true);
    expect(budget.take()).toBe(false);
    expect(budget.justSpent).toBe(false);
    now = 9_999;
    expect(budget.take()).toBe(false);
    now = 10_000;
    expect(budget.take()).toBe(true);
  });

  it('never refuses with a limit of 0', () => {
    const budget = new FrameBudget(0);
    for (let i = 0; i < 1000; i++) expect(budget.take()).toBe(true);
  });
});
