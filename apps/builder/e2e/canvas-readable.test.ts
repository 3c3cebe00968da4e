import { expect, test } from 'vitest';
import { generatedFlow } from '../src/editor/model/generated-flow';
import { rectsCrossed, rectsOverlap } from '../src/editor/model/geometry';
import { sampleFlow } from '../src/editor/model/test-flow';
import { savedDraft } from './support/admin-api';
import { createFlowViaApi } from './support/api';
import { SCREENSHOTS } from './support/browser';
import { allChangesSaved, edgeCount, node, tidy, viewportSettled } from './support/canvas';
import { canvasZoom, drawnGeometry, smallestBlockText } from './support/canvas-geometry';
import { setupDashboard } from './support/dashboard';

const { harness, page, consoleErrors } = setupDashboard({
  signedIn: true,
  viewport: { width: 1280, height: 720 },
  failureShots: 'canvas',
});

const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/canvas-${name}.png` });

/** Tidies up, then waits for the routed edges and the save. */
async function tidyAndSave(): Promise<void> {
  await tidy(page);
  // The layout (with its routes) is applied once ELK answers, then the view fits it.
  await page.locator('path.react-flow__edge-path.routed').first().waitFor();
  await viewportSettled(page);
  await allChangesSaved(page);
}

/** A point on empty canvas near `from`: right of it and lower first. */
async function emptySpotNear(from: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const spot = await page.evaluate(
    ({ from, pane }) => {
      for (const dy of [120, 160, 200, 240, 280, 320, 80, 40, -40, -80, -120, -160, 360, 400])
        for (const dx of [60, 100, 140, 180, 220, -200, -240, -280, -320]) {
          const x = from.x + dx;
          const y = from.y + dy;
          // Inside the pane, clear of the minimap and of where the picker would not fit.
          if (x < pane.x + 60 || x > pane.x + pane.width - 170 || y < pane.y + 20 || y > pane.y + pane.height - 40)
            continue;
          const hit = document.elementFromPoint(x, y);
          if (hit?.classList.contains('react-flow__pane')) return { x, y };
        }
      return null;
    },
    { from, pane },
  );
  if (!spot) throw new Error('no empty canvas near the handle');
  return spot;
}

async function openFlow(name: string, draft: Parameters<typeof createFlowViaApi>[3]): Promise<string> {
  const id = await createFlowViaApi(page, harness.seeded.botId, name, draft);
  await page.goto(`${harness.appUrl}flows/${id}`);
  await page.locator('.react-flow__node').first().waitFor();
  await viewportSettled(page);
  return id;
}

test('a 40-block flow: tidy up lays it out in rows and columns, edges go around blocks, text stays >= 12 px', async () => {
  const flowId = await openFlow('Forty blocks', generatedFlow(40));
  // Opened: a readable zoom with the start block on screen, not the whole flow shrunk to a stamp.
  expect(await canvasZoom(page)).toBeGreaterThanOrEqual(12 / 14 - 0.001);
  await expect(node(page, 'b0').isVisible()).resolves.toBe(true);
  await tidyAndSave();
  await shot('40-blocks-after-tidy');
  const text = await smallestBlockText(page);
  expect(text.blocks).toBeGreaterThanOrEqual(2);
  expect(text.px, `"${text.text}"`).toBeGreaterThanOrEqual(12);

  // The controls' "fit view" keeps text readable too.
  await page.getByRole('button', { name: 'Fit View' }).click();
  await viewportSettled(page);
  expect((await smallestBlockText(page)).px).toBeGreaterThanOrEqual(12);

  // Zoom out until every block is rendered, then check what is drawn.
  for (let i = 0; i < 20 && (await page.locator('.react-flow__node').count()) < 40; i++) {
    await page.getByRole('button', { name: 'Zoom Out' }).click();
    await viewportSettled(page);
  }
  await shot('40-blocks-overview');
  const { blocks, edges } = await drawnGeometry(page);
  expect(blocks).toHaveLength(40);
  for (const [i, [a, ra]] of blocks.entries())
    for (const [b, rb] of blocks.slice(i + 1)) expect(rectsOverlap(ra, rb), `${a} overlaps ${b}`).toBe(false);
  const draft = await savedDraft(page, flowId);
  expect(edges).toHaveLength((draft as unknown as { edges: unknown[] }).edges.length);
  const rects = new Map(blocks);
  for (const edge of edges) {
    expect(edge.routed, `${edge.id} follows its ELK route`).toBe(true);
    expect(rectsCrossed(edge.points, rects, 2), `${edge.id} crosses`).toEqual([]);
  }
  // Rows and columns, not one long line.
  const rows = new Set(blocks.map(([, r]) => Math.round(r.y / 40)));
  const width = Math.max(...blocks.map(([, r]) => r.x + r.width)) - Math.min(...blocks.map(([, r]) => r.x));
  const height = Math.max(...blocks.map(([, r]) => r.y + r.height)) - Math.min(...blocks.map(([, r]) => r.y));
  expect(rows.size).toBeGreaterThan(3);
  expect(width / height).toBeLessThan(4);

  // Reopened: fitted at a readable zoom again, edges still routed.
  await page.reload();
  await node(page, 'b0').waitFor();
  await viewportSettled(page);
  expect(await canvasZoom(page)).toBeGreaterThanOrEqual(12 / 14 - 0.001);
  expect((await smallestBlockText(page)).px).toBeGreaterThanOrEqual(12);
  await expect.poll(() => page.locator('path.react-flow__edge-path.routed').count()).toBeGreaterThan(3);
  await shot('40-blocks-reopened');
  expect(consoleErrors).toEqual([]);
});

test('a selected edge is highlighted and has a delete button', async () => {
  await openFlow('Edges', sampleFlow());
  await tidyAndSave();
  const edge = page.locator('[data-testid="rf__edge-e4"]');
  const path = edge.locator('path.react-flow__edge-path');
  const before = await path.evaluate((p) => getComputedStyle(p).strokeWidth);
  await edge.locator('.react-flow__edge-interaction').click({ force: true });
  await expect.poll(() => edge.getAttribute('class')).toContain('selected');
  const style = await path.evaluate((p) => ({
    width: getComputedStyle(p).strokeWidth,
    color: getComputedStyle(p).stroke,
  }));
  expect(Number.parseFloat(style.width)).toBeGreaterThanOrEqual(Number.parseFloat(before) * 1.8);
  expect(style.color).toBe('rgb(79, 70, 229)');
  const remove = page.getByRole('button', { name: 'Delete connection' });
  await remove.waitFor();
  await shot('edge-selected');
  const count = await edgeCount(page);
  await remove.click();
  await expect.poll(() => edgeCount(page)).toBe(count - 1);
  await expect(page.locator('[data-testid="rf__edge-e4"]').count()).resolves.toBe(0);
  await allChangesSaved(page);
});

test('dropping a connection on empty canvas opens the block picker there and connects the block picked', async () => {
  const flowId = await openFlow('Drop to add', sampleFlow());
  await tidyAndSave();
  await node(page, 'bye').click();
  await page.keyboard.press('Delete'); // frees the menu's Pricing exit and the handoff's offline exit
  await expect.poll(() => node(page, 'bye').count()).toBe(0);
  const handle = node(page, 'menu').locator('.react-flow__handle.source[data-handleid="pricing"]');
  const from = (await handle.boundingBox())!;
  const drop = await emptySpotNear(from);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(drop.x, drop.y, { steps: 10 });
  await page.mouse.up();
  const picker = page.getByRole('dialog', { name: 'Add a block here' });
  await picker.waitFor();
  const box = (await picker.boundingBox())!;
  expect(Math.abs(box.x - drop.x)).toBeLessThan(40);
  await expect(picker.locator('[data-block-type="start"], [data-block-type="intent_trigger"]').count()).resolves.toBe(
    0,
  );
  await page.keyboard.type('message');
  await shot('drop-picker');
  await picker.locator('[data-block-type="message"]').click();
  await expect.poll(() => picker.count()).toBe(0);
  const draft = (await (async () => {
    await allChangesSaved(page);
    return savedDraft(page, flowId);
  })()) as unknown as {
    blocks: { id: string; type: string }[];
    edges: { source: string; sourceHandle: string; target: string }[];
  };
  const added = draft.blocks.find((b) => b.type === 'message' && b.id !== 'welcome')!;
  expect(draft.edges.find((e) => e.source === 'menu' && e.sourceHandle === 'pricing')?.target).toBe(added.id);
  const placed = (await node(page, added.id).boundingBox())!;
  expect(Math.abs(placed.x - drop.x)).toBeLessThan(30);
  await shot('drop-connected');
  // Escape closes the picker without adding anything.
  const handoffOut = node(page, 'handoff').locator('.react-flow__handle.source[data-handleid="offline"]');
  const h = (await handoffOut.boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  const second = await emptySpotNear(h);
  await page.mouse.move(second.x, second.y, { steps: 8 });
  await page.mouse.up();
  await picker.waitFor();
  await page.keyboard.press('Escape');
  await expect.poll(() => picker.count()).toBe(0);
});

test('blocks can be named: the canvas, the inspector and the problems list use the name', async () => {
  await openFlow('Names', sampleFlow());
  // Not laid out yet: blocks 40 px apart are joined by a plain step, not a loop out and back.
  const e1 = (await drawnGeometry(page)).edges.find((e) => e.id === 'e1')!;
  for (let i = 1; i < e1.points.length; i++) expect(e1.points[i]!.x).toBeGreaterThanOrEqual(e1.points[i - 1]!.x - 0.5);
  await node(page, 'welcome').click();
  await page.locator('.inspector').getByLabel('Name', { exact: true }).fill('Greeting');
  await expect(node(page, 'welcome').locator('.block-title').textContent()).resolves.toBe('Greeting');
  await expect(page.locator('.inspector h2').textContent()).resolves.toBe('Greeting');
  await page.getByRole('tab', { name: /Problems/ }).click();
  await expect.poll(() => page.locator('.problem-list').textContent()).toContain('"Greeting" uses the variable "name"');
  await shot('block-named');
  await allChangesSaved(page);
});

test('the handoff block has the same colour in the palette and on the canvas', async () => {
  await openFlow('Colours', sampleFlow());
  await page.getByRole('button', { name: 'Zoom Out' }).click();
  await page.getByRole('button', { name: 'Zoom Out' }).click();
  await node(page, 'handoff').waitFor();
  const colour = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
  const inPalette = await colour('.palette-item[data-block-type="human_handoff"] .block-dot');
  const onCanvas = await colour('.react-flow__node .type-human_handoff .block-dot');
  expect(inPalette).toBe(onCanvas);
  expect(inPalette).toBe('rgb(220, 38, 38)');
});

test('a sticky note is added, written in, saved with the flow and still there after a reload', async () => {
  const flowId = await openFlow('Notes', sampleFlow());
  await page.getByRole('button', { name: 'Add a sticky note' }).click();
  const note = page.locator('.note-node');
  await note.waitFor();
  await note.getByLabel('Note text').fill('Check the offer wording with sales');
  await allChangesSaved(page);
  const draft = (await savedDraft(page, flowId)) as unknown as { notes?: { text: string }[]; blocks: unknown[] };
  expect(draft.notes?.map((n) => n.text)).toEqual(['Check the offer wording with sales']);
  expect(draft.blocks).toHaveLength(5); // a note is not a block: the bot never runs it
  expect(Number.parseFloat(await note.locator('textarea').evaluate((t) => getComputedStyle(t).fontSize))).toBe(14);
  await shot('sticky-note');
  await page.reload();
  await expect(page.locator('.note-node textarea').inputValue()).resolves.toBe('Check the offer wording with sales');
  // Deleted like a block.
  await page.locator('.note-grip').click();
  await page.keyboard.press('Delete');
  await expect.poll(() => page.locator('.note-node').count()).toBe(0);
  await allChangesSaved(page);
});
