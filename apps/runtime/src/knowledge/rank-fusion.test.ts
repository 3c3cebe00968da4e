import { describe, expect, it } from 'vitest';
import { RRF_K, reciprocalRankFusion } from './rank-fusion';

const id = (item: string) => item;

describe('reciprocalRankFusion', () => {
  it('puts an item both lists hold above items only one list ranks first', () => {
    // b: 1/62 + 1/61 = 0.0325 beats a (1/61 = 0.0164) and d (1/61).
    const lists = [
      ['a', 'b', 'c'],
      ['d', 'b'],
    ];
    expect(reciprocalRankFusion(lists, id)).toEqual(['b', 'a', 'd', 'c']);
  });

  it('scores by rank only, 1 / (k + rank) summed over lists', () => {
    expect(RRF_K).toBe(60);
    // x: 1/61 + 1/63 = 0.03226; y: 1/62 + 1/62 = 0.03226 - a hair less (1/61 + 1/63 > 2/62), so x first.
    const lists = [
      ['x', 'y', 'z'],
      ['w', 'y', 'x'],
    ];
    expect(reciprocalRankFusion(lists, id).slice(0, 2)).toEqual(['x', 'y']);
    // With k = 0: x 1 + 1/3, then w (1/1) and y (1/2 + 1/2) tie and y, seen first, goes first.
    expect(reciprocalRankFusion(lists, id, 0)).toEqual(['x', 'y', 'w', 'z']);
  });

  it('keeps one list unchanged, handles empty lists and keys items by keyOf', () => {
    expect(reciprocalRankFusion([['a', 'b', 'c'], []], id)).toEqual(['a', 'b', 'c']);
    expect(reciprocalRankFusion([[], []], id)).toEqual([]);
    const lexical = [
      { id: 7, from: 'lexical' },
      { id: 3, from: 'lexical' },
    ];
    const vector = [
      { id: 3, from: 'vector' },
      { id: 9, from: 'vector' },
    ];
    const fused = reciprocalRankFusion([lexical, vector], (hit) => hit.id);
    expect(fused.map((hit) => hit.id)).toEqual([3, 7, 9]);
    expect(fused[0]?.from).toBe('lexical');
  });
});
