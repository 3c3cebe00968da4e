import { describe, expect, it } from 'vitest';
import { isAngry, toneOf } from './tone';

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

describe('tone of the handoff summary', () => {
  it.each([
    ['I was charged twice for order 48213 and I need a real person now', 'impatient'],
    ['Please fix this ASAP, our shop is closed until it works', 'impatient'],
    ['I now see two charges on my card', 'calm'],
    ['Still waiting, nobody answers', 'frustrated'],
    ["I don't understand the invoice", 'confused'],
    ['This is ridiculous, get me a person now', 'angry'],
  ])('%j → %s', (text, tone) => {
    expect(toneOf(text)).toBe(tone);
  });
});
