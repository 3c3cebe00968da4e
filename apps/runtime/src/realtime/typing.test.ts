import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TypingTracker } from './typing';

describe('TypingTracker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('announces start once, keeps alive while typing continues, and expires after silence', () => {
    const announced: Array<[string, boolean]> = [];
    const tracker = new TypingTracker((id, typing) => announced.push([id, typing]), 6000);
    tracker.set('c1', true);
    vi.advanceTimersByTime(4000);
    tracker.set('c1', true);
    vi.advanceTimersByTime(4000);
    expect(announced).toEqual([['c1', true]]);
    vi.advanceTimersByTime(2001);
    expect(announced).toEqual([
      ['c1', true],
      ['c1', false],
    ]);
  });

  it('stops explicitly and on clear, never announcing a stop that did not start', () => {
    const announced: Array<[string, boolean]> = [];
    const tracker = new TypingTracker((id, typing) => announced.push([id, typing]));
    tracker.set('a', false);
    tracker.set('a', true);
    tracker.set('a', false);
    tracker.set('b', true);
    tracker.clear();
    vi.advanceTimersByTime(10_000);
    expect(announced).toEqual([
      ['a', true],
      ['a', false],
      ['b', true],
      ['b', false],
    ]);
  });
});
