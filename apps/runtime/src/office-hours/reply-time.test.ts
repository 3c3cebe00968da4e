import { describe, expect, it } from 'vitest';
import { bucketFor, FEW_HOURS_LIMIT_MS, FEW_MINUTES_LIMIT_MS, median, replyTimeBucket } from './reply-time';

const min = (n: number) => n * 60_000;

describe('reply time buckets', () => {
  it('takes the median, not the mean, so one slow reply does not move the words', () => {
    expect(replyTimeBucket([min(2), min(3), min(4), min(5), min(60 * 20)])).toBe('a few minutes');
    expect(replyTimeBucket([min(45), min(90), min(120)])).toBe('a few hours');
    expect(replyTimeBucket([min(60 * 7), min(60 * 20), min(3)])).toBe('within a day');
  });

  it('averages the two middle values of an even sample', () => {
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(replyTimeBucket([min(20), min(50)])).toBe('a few hours');
  });

  it('has sharp edges at the limits', () => {
    expect(bucketFor(FEW_MINUTES_LIMIT_MS - 1)).toBe('a few minutes');
    expect(bucketFor(FEW_MINUTES_LIMIT_MS)).toBe('a few hours');
    expect(bucketFor(FEW_HOURS_LIMIT_MS - 1)).toBe('a few hours');
    expect(bucketFor(FEW_HOURS_LIMIT_MS)).toBe('within a day');
  });

  it('has no answer without samples and ignores negative or broken durations', () => {
    expect(replyTimeBucket([])).toBeNull();
    expect(replyTimeBucket([-5, Number.NaN])).toBeNull();
    expect(replyTimeBucket([-min(500), min(1)])).toBe('a few minutes');
  });
});
