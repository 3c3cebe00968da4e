import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GapCheck } from './gap-check';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A timeline holding seqs 1..4, synced to 4; `arrive` is the socket delivering a message. */
function setUp() {
  const seqs = new Set([1, 2, 3, 4]);
  const timeline = { syncedSeq: 4, has: (seq: number) => seqs.has(seq) };
  const asked: number[] = [];
  const check = new GapCheck(timeline, (after) => asked.push(after), 1500);
  const arrive = (seq: number) => {
    seqs.add(seq);
    timeline.syncedSeq = Math.max(timeline.syncedSeq, seq);
  };
  return { check, arrive, asked };
}

describe('GapCheck', () => {
  it('asks for nothing while the stream is level with the runtime', () => {
    const { check, asked } = setUp();
    check.seen(4);
    check.seen(3);
    vi.advanceTimersByTime(5000);
    expect(asked).toEqual([]);
  });

  it('waits: a message that arrives soon after its conversation frame needs no catch-up', () => {
    const { check, arrive, asked } = setUp();
    check.seen(5);
    vi.advanceTimersByTime(1000);
    arrive(5);
    vi.advanceTimersByTime(1000);
    expect(asked).toEqual([]);
  });

  it('catches up from just before a lost message, even after a later one moved the synced seq past it', () => {
    const { check, arrive, asked } = setUp();
    check.seen(5);
    arrive(6);
    check.seen(6);
    vi.advanceTimersByTime(1499);
    expect(asked).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(asked).toEqual([4]);
  });

  it('asks once per seq: an internal note never reaches the visitor and is not asked for again', () => {
    const { check, arrive, asked } = setUp();
    check.seen(5);
    vi.advanceTimersByTime(1500);
    expect(asked).toEqual([4]);
    check.seen(5);
    vi.advanceTimersByTime(5000);
    expect(asked).toEqual([4]);
    arrive(6);
    check.seen(6);
    vi.advanceTimersByTime(5000);
    expect(asked).toEqual([4]);
    check.seen(7);
    vi.advanceTimersByTime(1500);
    expect(asked).toEqual([4, 6]);
  });

  it('forgets a waiting check on reset', () => {
    const { check, asked } = setUp();
    check.seen(9);
    check.reset();
    vi.advanceTimersByTime(5000);
    expect(asked).toEqual([]);
  });
});
