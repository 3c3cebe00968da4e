import { expect, test } from 'vitest';
import { applyLayout, elkLayout } from './elk-layout';
import { moveBlocks } from './graph-ops';
import { usableRoutes } from './routes';
import { sampleFlow } from './test-flow';

test('routes from the layout are used until a block is moved onto them', async () => {
  const doc = sampleFlow();
  const laidOut = applyLayout(doc, await elkLayout(doc));
  const routes = usableRoutes(laidOut, () => undefined);
  expect([...routes.keys()].sort()).toEqual(doc.edges.map((e) => e.id).sort());
  // Drop the end block onto the middle of the route start → welcome.
  const route = routes.get('e1')!;
  const [a, b] = [route[0]!, route.at(-1)!];
  const moved = moveBlocks(laidOut, new Map([['bye', { x: (a.x + b.x) / 2 - 130, y: (a.y + b.y) / 2 - 60 }]]));
  expect(usableRoutes(moved, () => undefined).has('e1')).toBe(false);
  expect(usableRoutes(sampleFlow(), () => undefined).size).toBe(0);
});
