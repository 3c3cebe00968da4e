import { expect, test } from 'vitest';
import { fitRoute, midpoint, rectsCrossed, rectsOverlap, roundedPath, routeFits, segmentCrossesRect } from './geometry';

const box = { x: 100, y: 100, width: 100, height: 50 };

test('rectangles overlap only when they share area', () => {
  expect(rectsOverlap(box, { x: 150, y: 120, width: 100, height: 100 })).toBe(true);
  expect(rectsOverlap(box, { x: 200, y: 100, width: 10, height: 10 })).toBe(false); // touching
  expect(rectsOverlap(box, { x: 0, y: 0, width: 50, height: 50 })).toBe(false);
});

test('a segment crosses a rectangle through its inside, not along or up to its border', () => {
  expect(segmentCrossesRect({ x: 0, y: 125 }, { x: 300, y: 125 }, box)).toBe(true); // straight through
  expect(segmentCrossesRect({ x: 150, y: 0 }, { x: 150, y: 120 }, box)).toBe(true); // ends inside
  expect(segmentCrossesRect({ x: 0, y: 0 }, { x: 300, y: 300 }, box)).toBe(true); // diagonal
  expect(segmentCrossesRect({ x: 0, y: 100 }, { x: 300, y: 100 }, box)).toBe(false); // along the border
  expect(segmentCrossesRect({ x: 0, y: 125 }, { x: 100, y: 125 }, box)).toBe(false); // up to the border
  expect(segmentCrossesRect({ x: 0, y: 90 }, { x: 300, y: 90 }, box)).toBe(false); // above
  const rects = new Map([
    ['a', box],
    ['b', { x: 400, y: 0, width: 50, height: 50 }],
  ]);
  expect(
    rectsCrossed(
      [
        { x: 0, y: 125 },
        { x: 300, y: 125 },
        { x: 300, y: 10 },
        { x: 500, y: 10 },
      ],
      rects,
    ),
  ).toEqual(['a', 'b']);
});

test('a stored route is fitted to the handles and kept right-angled', () => {
  const route = [
    { x: 0, y: 10 },
    { x: 50, y: 10 },
    { x: 50, y: 100 },
    { x: 100, y: 100 },
  ];
  expect(routeFits(route, { x: 0, y: 12 }, { x: 100, y: 98 })).toBe(true);
  expect(routeFits(route, { x: 40, y: 10 }, { x: 100, y: 100 })).toBe(false); // the source block moved
  expect(routeFits(undefined, { x: 0, y: 0 }, { x: 1, y: 1 })).toBe(false);
  expect(fitRoute(route, { x: 0, y: 12 }, { x: 100, y: 98 })).toEqual([
    { x: 0, y: 12 },
    { x: 50, y: 12 },
    { x: 50, y: 98 },
    { x: 100, y: 98 },
  ]);
});

test('paths round their corners and the midpoint lies halfway along', () => {
  const points = [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
    { x: 100, y: 100 },
  ];
  expect(roundedPath(points, 8)).toBe('M 0 0 L 92 0 Q 100 0 100 8 L 100 100');
  expect(midpoint(points)).toEqual({ x: 100, y: 0 });
  expect(
    midpoint([
      { x: 0, y: 0 },
      { x: 0, y: 40 },
    ]),
  ).toEqual({ x: 0, y: 20 });
});
