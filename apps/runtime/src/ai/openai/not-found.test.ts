import { describe, expect, it } from 'vitest';
import { visibleAnswer } from './not-found';

/** Feeds text piece by piece and returns what would be shown after each piece. */
function shownAfterEach(pieces: string[]): string[] {
  return pieces.map((_, i) => visibleAnswer(pieces.slice(0, i + 1).join('')));
}

describe('visibleAnswer', () => {
  it('shows nothing while the reply is, or may become, the marker', () => {
    expect(shownAfterEach(['', ' ', 'N', 'OT', '_F', 'OUND', '.'])).toEqual(['', '', '', '', '', '', '']);
    expect(visibleAnswer('NOT_FOUND', true)).toBe('');
    expect(visibleAnswer('NOT', true)).toBe('');
  });

  it('shows text as soon as it cannot be the marker', () => {
    expect(shownAfterEach(['Re', 'funds', ' take'])).toEqual(['Re', 'Refunds', 'Refunds take']);
    expect(shownAfterEach(['No', 'pe'])).toEqual(['No', 'Nope']);
    expect(shownAfterEach(['NOTE:', ' 5 days'])).toEqual(['NOTE:', 'NOTE: 5 days']);
  });

  it('holds back an ending that could start the marker until the reply is complete', () => {
    expect(shownAfterEach(['Room', ' N', 'OT_', 'FOUND'])).toEqual(['Room', 'Room', 'Room', 'Room']);
    expect(visibleAnswer('Room N')).toBe('Room');
    expect(visibleAnswer('Room N', true)).toBe('Room N');
  });

  it('only ever extends what was shown before', () => {
    const pieces = ['I', ' think', ' N', 'OT_', 'FOUND', ' but', ' also', ' NO', 'T sure'];
    const shown = shownAfterEach(pieces);
    for (let i = 1; i < shown.length; i++) expect(shown[i]!.startsWith(shown[i - 1]!)).toBe(true);
    expect(shown.at(-1)).toBe('I think  but also NOT sure');
  });
});
