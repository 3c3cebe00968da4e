import { describe, expect, it } from 'vitest';
import { blockTotals, dropOffPercent } from './block-totals';

const row = (flowVersionId: string, blockId: string, reached: number, droppedOff: number, handedOff = 0) => ({
  flowVersionId,
  blockId,
  reached,
  visits: reached + 1,
  droppedOff,
  handedOff,
});

describe('canvas analytics totals', () => {
  it('sums a block over the versions it appears in, keeping other blocks apart', () => {
    const totals = blockTotals([row('v1', 'menu', 2, 0), row('v2', 'menu', 1, 1), row('v1', 'handoff', 1, 0, 1)]);
    expect(totals.get('menu')).toEqual({ reached: 3, visits: 5, droppedOff: 1, handedOff: 0 });
    expect(totals.get('handoff')).toEqual({ reached: 1, visits: 2, droppedOff: 0, handedOff: 1 });
    expect(totals.has('start')).toBe(false);
  });

  it('shows drop-off as a share of the visitors who reached the block', () => {
    expect(dropOffPercent({ reached: 4, visits: 4, droppedOff: 1, handedOff: 0 })).toBe('25%');
    expect(dropOffPercent({ reached: 0, visits: 0, droppedOff: 0, handedOff: 0 })).toBe('');
  });
});
