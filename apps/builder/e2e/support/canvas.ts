import type { Page } from 'playwright-core';

/**
 * Drags a block type from the palette onto an empty part of the canvas (below or above the blocks
 * already there, clear of the minimap and controls); returns the new block's id once the editor has checked
 * the flow with it.
 *
 * The flow is checked 250 ms after an edit. A block dropped on empty canvas is connected to nothing, so it then
 * gets a problem badge, and the inspector (which shows the new block, selected) lists its problems above its
 * form, moving the form down by ~190 px. A click on the form that spans that move (mouse down on a checkbox,
 * mouse up where it was) lands on no control and changes nothing: seen as a checkbox focused but unticked.
 */
export async function dragBlock(page: Page, type: string): Promise<string> {
  const before = new Set(await nodeIds(page));
  const spot = await freeSpot(page);
  await page
    .locator(`.palette-item[data-block-type="${type}"]`)
    .dragTo(page.locator('.react-flow__pane'), { targetPosition: spot });
  await page.waitForFunction((count) => document.querySelectorAll('.react-flow__node').length > count, before.size);
  const added = (await nodeIds(page)).filter((id) => !before.has(id));
  if (added.length !== 1) throw new Error(`expected one new block, got ${added.length}`);
  // The badge is drawn from the same problems as the inspector's list, in the same render or a later one.
  await node(page, added[0]!).locator('.node-badge').waitFor();
  return added[0]!;
}

/** A point (relative to the pane) where a dropped block overlaps nothing. */
async function freeSpot(page: Page): Promise<{ x: number; y: number }> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const boxes = await page
    .locator('.react-flow__node')
    .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
  const top = Math.min(...boxes.map((b) => b.top)) - pane.y;
  const bottom = Math.max(...boxes.map((b) => b.bottom)) - pane.y;
  const blockHeight = 200;
  const usableBottom = pane.height - 130; // minimap and controls
  if (bottom + 30 + blockHeight < usableBottom) return { x: pane.width / 3, y: bottom + 50 };
  if (top - 30 - blockHeight > 0) return { x: pane.width / 3, y: top - blockHeight };
  return { x: pane.width / 3, y: 40 };
}

/** Waits until the editor's save status says the draft is saved ("All changes saved"). */
export function allChangesSaved(page: Page): Promise<void> {
  return page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();
}

/** Lays the flow out and fits it into view, as an admin tidies up before the next step. */
export async function tidy(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tidy up layout' }).click();
  await viewportSettled(page);
}

/** Waits until the canvas stops moving: its viewport transform is the same over 150 ms (fit-view animates). */
export async function viewportSettled(page: Page): Promise<void> {
  const transform = () => page.locator('.react-flow__viewport').evaluate((v) => (v as HTMLElement).style.transform);
  let last = await transform();
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(150);
    const now = await transform();
    if (now === last) return;
    last = now;
  }
  throw new Error('the canvas kept moving for 6 s');
}

export function nodeIds(page: Page): Promise<string[]> {
  return page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id') ?? ''));
}

export const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** Drags from a block's named output handle to another block's input handle. */
export async function connect(page: Page, source: string, handle: string, target: string): Promise<void> {
  const before = await edgeCount(page);
  const from = node(page, source).locator(`.react-flow__handle.source[data-handleid="${handle}"]`);
  const to = node(page, target).locator('.react-flow__handle.target');
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error(`handle not visible: ${source}.${handle} -> ${target}`);
  const hit = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.getAttribute('class') ?? '',
    [a.x + a.width / 2, a.y + a.height / 2],
  );
  if (!hit.includes('react-flow__handle')) throw new Error(`output ${source}.${handle} is covered by "${hit}"`);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2 - 20, b.y + b.height / 2, { steps: 8 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction((count) => document.querySelectorAll('.react-flow__edge').length > count, before);
}

/** Blocks in the flow, including those scrolled out of view (the minimap draws every block). */
export function blockCount(page: Page): Promise<number> {
  return page.locator('.react-flow__minimap-node').count();
}

export function edgeCount(page: Page): Promise<number> {
  return page.locator('.react-flow__edge').count();
}

/**
 * Zooms out with the canvas controls until every block is rendered and fits in the pane, then pans the
 * blocks to the pane's centre: the editor opens at a zoom where block text is readable, so a wide flow
 * does not fit a small window at first.
 */
export async function showAllBlocks(page: Page): Promise<void> {
  await viewportSettled(page);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const union = () =>
    page.locator('.react-flow__node').evaluateAll((nodes) => {
      const boxes = nodes.map((n) => n.getBoundingClientRect());
      const left = Math.min(...boxes.map((b) => b.left));
      const right = Math.max(...boxes.map((b) => b.right));
      const top = Math.min(...boxes.map((b) => b.top));
      const bottom = Math.max(...boxes.map((b) => b.bottom));
      return { left, right, top, bottom, count: nodes.length };
    });
  for (let i = 0; i < 12; i++) {
    const u = await union();
    const fits = u.right - u.left < pane.width - 80 && u.bottom - u.top < pane.height - 160;
    if (u.count >= (await blockCount(page)) && fits) break;
    await page.getByRole('button', { name: 'Zoom Out' }).click();
    await page.waitForTimeout(150);
  }
  const u = await union();
  const dx = pane.x + pane.width / 2 - (u.left + u.right) / 2;
  const dy = pane.y + (pane.height - 120) / 2 - (u.top + u.bottom) / 2;
  const grab = await page.evaluate(
    ({ x, y, w, h }) => {
      for (const [fx, fy] of [
        [0.05, 0.05],
        [0.5, 0.05],
        [0.05, 0.5],
        [0.95, 0.05],
        [0.5, 0.95],
      ] as const) {
        const point = { x: x + w * fx, y: y + h * fy };
        if (document.elementFromPoint(point.x, point.y)?.classList.contains('react-flow__pane')) return point;
      }
      return null;
    },
    { x: pane.x, y: pane.y, w: pane.width, h: pane.height },
  );
  if (!grab) return;
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + dx, grab.y + dy, { steps: 5 });
  await page.mouse.up();
  await viewportSettled(page);
  // Only blocks in view are rendered: every block must be on the page once panned.
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.react-flow__node').length >=
      document.querySelectorAll('.react-flow__minimap-node').length,
  );
}
