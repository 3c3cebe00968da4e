import { describe, expect, it } from 'vitest';
import { citationsFor, groundedKnowledge, nothingToAnswerFrom, type RetrievedPassage } from './grounding';

const refunds: RetrievedPassage = {
  chunkId: 1,
  title: 'Returns',
  url: 'https://help.example/returns',
  text: 'Refunds reach your card within five business days.',
};
const shipping: RetrievedPassage = { chunkId: 2, title: 'Shipping', url: null, text: 'Parcels arrive in three days.' };
const unsafe: RetrievedPassage = {
  chunkId: 3,
  title: 'Old page',
  url: 'ftp://files.example/x',
  text: 'Parcels arrive.',
};

describe('citationsFor', () => {
  it('cites the passages holding the answer words, once per source, with http(s) links only', () => {
    expect(citationsFor('Your refund reaches the card within five business days.', [shipping, refunds])).toEqual([
      { title: 'Returns', url: 'https://help.example/returns' },
    ]);
    expect(citationsFor('Parcels arrive in three days.', [shipping, { ...shipping, chunkId: 9 }, unsafe])).toEqual([
      { title: 'Shipping' },
      { title: 'Old page' },
    ]);
  });

  it('an answer unlike every passage cites the best ranked one; an agent reply cites nothing then', () => {
    expect(citationsFor('Sure, what is your email?', [refunds, shipping])).toEqual([
      { title: 'Returns', url: 'https://help.example/returns' },
    ]);
    expect(citationsFor('Sure, what is your email?', [refunds, shipping], { orBest: false })).toEqual([]);
    expect(citationsFor('Anything', [])).toEqual([]);
  });
});

describe('grounded knowledge', () => {
  it('joins the block text and the passages; with sources chosen and nothing found there is nothing to answer from', () => {
    expect(groundedKnowledge(' Own text. ', [refunds])).toBe(`Own text.\n\n${refunds.text}`);
    expect(nothingToAnswerFrom({ knowledge: '', knowledgeSourceIds: ['s'], retrieved: [] })).toBe(true);
    expect(nothingToAnswerFrom({ knowledge: 'Own text', knowledgeSourceIds: ['s'], retrieved: [] })).toBe(false);
    expect(nothingToAnswerFrom({ knowledge: '', retrieved: [] })).toBe(false);
  });
});
