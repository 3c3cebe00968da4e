import { expect, test } from 'vitest';
import { autoLayout, NODE_WIDTH } from './layout';
import { sampleFlow } from './test-flow';

test('lays blocks out left to right along the edges without overlap', () => {
  const doc = sampleFlow();
  const positions = autoLayout(doc);
  expect(positions.size).toBe(doc.blocks.length);
  for (const edge of doc.edges) {
    expect(positions.get(edge.target)!.x).toBeGreaterThan(positions.get(edge.source)!.x + NODE_WIDTH / 2);
  }
  const all = [...positions.values()];
  for (const [i, a] of all.entries()) {
    for (const b of all.slice(i + 1)) {
      const overlap = Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < 100;
      expect(overlap).toBe(false);
    }
  }
});
