import { describe, expect, it } from 'vitest';
import { blockTotals, dropOffPercent } from './block-totals';

const row = (
  flowVersionId: string,
  blockId: string,
  reached: number,
  droppedOff: number,
  handedOff = 0,
  intents: Array<{ intentId: string; name: string; count: number }> = [],
) => ({
  flowVersionId,
  blockId,
  reached,
  visits: reached + 1,
  droppedOff,
  handedOff,
  intents,
});

describe('canvas analytics totals', () => {
  it('sums a block over the versions it appears in, keeping other blocks apart', () => {
    const totals = blockTotals([row('v1', 'menu', 2, 0), row('v2', 'menu', 1, 1), row('v1', 'handoff', 1, 0, 1)]);
    expect(totals.get('menu')).toEqual({ reached: 3, visits: 5, droppedOff: 1, handedOff: 0, intents: [] });
    expect(totals.get('handoff')).toEqual({ reached: 1, visits: 2, droppedOff: 0, handedOff: 1, intents: [] });
    expect(totals.has('start')).toBe(false);
  });

  it('sums intent matches per intent across versions, most matched first', () => {
    const totals = blockTotals([
      row('v1', 'mi', 3, 0, 0, [
        { intentId: 'refund', name: 'Refund', count: 2 },
        { intentId: 'parcel', name: 'Parcel', count: 1 },
      ]),
      row('v2', 'mi', 2, 0, 0, [{ intentId: 'parcel', name: 'Parcel', count: 2 }]),
    ]);
    expect(totals.get('mi')?.intents).toEqual([
      { intentId: 'parcel', name: 'Parcel', count: 3 },
      { intentId: 'refund', name: 'Refund', count: 2 },
    ]);
  });

  it('shows drop-off as a share of the visitors who reached the block', () => {
    expect(dropOffPercent({ reached: 4, droppedOff: 1 })).toBe('25%');
    expect(dropOffPercent({ reached: 0, droppedOff: 0 })).toBe('');
  });
});
