import { describe, expect, it } from 'vitest';
import { isAngry } from './tone';

describe('anger detection', () => {
  it.each([
    ['This is ridiculous', true],
    ['WHY IS MY ORDER NOT HERE YET', true],
    ['Where is it?!!!', true],
    ['I am so disappointed with you', true],
    ['I was charged twice for my order', false],
    ['My parcel seems lost in transit', false],
    ['Thanks, have a nice day!', false],
  ])('%j → %s', (text, angry) => {
    expect(isAngry(text)).toBe(angry);
  });
});
