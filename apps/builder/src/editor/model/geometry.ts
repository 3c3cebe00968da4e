/** Pure geometry of the canvas: rectangles, orthogonal edge routes and their SVG paths. */

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** True when the two rectangles share some area (touching borders do not count). */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * True when the segment p→q passes through the inside of `rect` shrunk by `inset` on every side
 * (so a route that starts or ends on a block's border, at its handle, does not count).
 * Liang–Barsky clipping: works for any segment, not only horizontal and vertical ones.
 */
export function segmentCrossesRect(p: Point, q: Point, rect: Rect, inset = 1): boolean {
  const left = rect.x + inset;
  const right = rect.x + rect.width - inset;
  const top = rect.y + inset;
  const bottom = rect.y + rect.height - inset;
  if (left >= right || top >= bottom) return false;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, p.x - left],
    [dx, right - p.x],
    [-dy, p.y - top],
    [dy, bottom - p.y],
  ];
  for (const [pk, qk] of edges) {
    if (pk === 0) {
      if (qk <= 0) return false;
      continue;
    }
    const t = qk / pk;
    if (pk < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return true;
}

/** The ids of the rectangles a polyline passes through. */
export function rectsCrossed(points: readonly Point[], rects: ReadonlyMap<string, Rect>, inset = 1): string[] {
  const crossed: string[] = [];
  for (const [id, rect] of rects) {
    for (let i = 1; i < points.length; i++) {
      if (segmentCrossesRect(points[i - 1]!, points[i]!, rect, inset)) {
        crossed.push(id);
        break;
      }
    }
  }
  return crossed;
}

/**
 * Fits a stored orthogonal route to where the handles are drawn now: the first and last points move
 * to the handles and the bend next to each follows along its axis, so the route stays right-angled
 * when a block's measured height differs a little from the one it was laid out with.
 */
export function fitRoute(route: readonly Point[], source: Point, target: Point): Point[] {
  if (route.length < 2) return [source, target];
  const points = route.map((p) => ({ ...p }));
  const first = points[0]!;
  const second = points[1]!;
  if (first.y === second.y && points.length > 2) second.y = source.y;
  else if (first.x === second.x && points.length > 2) second.x = source.x;
  points[0] = { ...source };
  const last = points.length - 1;
  const beforeLast = points[last - 1]!;
  const end = points[last]!;
  if (end.y === beforeLast.y && points.length > 2) beforeLast.y = target.y;
  else if (end.x === beforeLast.x && points.length > 2) beforeLast.x = target.x;
  points[last] = { ...target };
  return points;
}

/** How far the handles may be from a stored route's ends before the route counts as stale. */
export const ROUTE_TOLERANCE = 24;

/** A stored route still fits when its ends are near the handles now (the blocks were not moved since). */
export function routeFits(route: readonly Point[] | undefined, source: Point, target: Point): boolean {
  if (!route || route.length < 2) return false;
  const a = route[0]!;
  const b = route[route.length - 1]!;
  const near = (p: Point, q: Point) => Math.abs(p.x - q.x) <= 2 && Math.abs(p.y - q.y) <= ROUTE_TOLERANCE;
  return near(a, source) && near(b, target);
}

/** An SVG path through the points with rounded corners of up to `radius`. */
export function roundedPath(points: readonly Point[], radius = 8): string {
  if (points.length === 0) return '';
  const parts = [`M ${points[0]!.x} ${points[0]!.y}`];
  for (let i = 1; i < points.length - 1; i++) {
    const prev = points[i - 1]!;
    const corner = points[i]!;
    const next = points[i + 1]!;
    const r = Math.min(radius, distance(prev, corner) / 2, distance(corner, next) / 2);
    const from = toward(corner, prev, r);
    const to = toward(corner, next, r);
    parts.push(`L ${from.x} ${from.y}`, `Q ${corner.x} ${corner.y} ${to.x} ${to.y}`);
  }
  const end = points[points.length - 1]!;
  parts.push(`L ${end.x} ${end.y}`);
  return parts.join(' ');
}

/** The point halfway along the polyline (where an edge's delete button goes). */
export function midpoint(points: readonly Point[]): Point {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += distance(points[i - 1]!, points[i]!);
  let left = total / 2;
  for (let i = 1; i < points.length; i++) {
    const length = distance(points[i - 1]!, points[i]!);
    if (length >= left && length > 0) return toward(points[i - 1]!, points[i]!, left);
    left -= length;
  }
  return points[0] ?? { x: 0, y: 0 };
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

function toward(from: Point, to: Point, length: number): Point {
  const d = distance(from, to);
  if (d === 0) return { ...from };
  return { x: from.x + ((to.x - from.x) * length) / d, y: from.y + ((to.y - from.y) * length) / d };
}
