import { noCsat } from '@flowdesk/contract';
import { describe, expect, it } from 'vitest';
import { csatCell, csatDetail, csatScore, ratingText } from './csat-format';

const none = noCsat();

describe('CSAT figures in words', () => {
  it('shows the satisfied share, the star average and the response rate', () => {
    const figures = {
      asked: 4,
      ratings: 3,
      responseRate: 0.75,
      satisfied: 2,
      satisfiedRate: 2 / 3,
      starRatings: 2,
      average: 3,
    };
    expect(csatScore(figures)).toBe('67%');
    expect(csatDetail(figures)).toBe('3.0 / 5 average · 3 of 4 rated (75%)');
    expect(csatCell(figures)).toBe('67% · 3.0 / 5 · 3 rated');
  });

  it('says when nothing was asked or rated, and leaves out the average for thumbs only', () => {
    expect(csatScore(none)).toBe('—');
    expect(csatDetail(none)).toBe('No resolution asked for a rating');
    expect(csatCell(none)).toBe('—');
    const thumbs = { ...none, asked: 2, ratings: 1, responseRate: 0.5, satisfied: 1, satisfiedRate: 1 };
    expect(csatDetail(thumbs)).toBe('1 of 2 rated (50%)');
    expect(csatCell(thumbs)).toBe('100% · 1 rated');
  });

  it('writes one rating as stars or a thumb, as the API judged it', () => {
    expect(ratingText({ scale: 'stars', score: 4, satisfied: true })).toBe('★★★★☆ 4 / 5');
    expect(ratingText({ scale: 'thumbs', score: 5, satisfied: true })).toBe('👍 Thumbs up');
    expect(ratingText({ scale: 'thumbs', score: 1, satisfied: false })).toBe('👎 Thumbs down');
  });
});
