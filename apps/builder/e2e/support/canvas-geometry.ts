import type { Page } from 'playwright-core';
import type { Point, Rect } from '../../src/editor/model/geometry';

/** The canvas's current zoom, read from React Flow's viewport transform. */
export function canvasZoom(page: Page): Promise<number> {
  return page
    .locator('.react-flow__viewport')
    .evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
}

/** The smallest text on any rendered block, in screen pixels: computed font size × zoom, per text node. */
export function smallestBlockText(page: Page): Promise<{ px: number; text: string; blocks: number }> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport')!;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    let smallest = { px: Number.POSITIVE_INFINITY, text: '' };
    const nodes = document.querySelectorAll('.react-flow__node');
    for (const node of nodes) {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        if (!text.textContent?.trim() || !text.parentElement) continue;
        const px = Number.parseFloat(getComputedStyle(text.parentElement).fontSize) * zoom;
        if (px < smallest.px) smallest = { px, text: text.textContent.trim() };
      }
    }
    return { ...smallest, blocks: nodes.length };
  });
}

/**
 * Every rendered block's rectangle and every edge's drawn polyline, in flow coordinates: blocks from
 * their on-screen boxes, edges from their SVG paths (the corner of each rounded bend counts as a point).
 */
export function drawnGeometry(page: Page): Promise<{
  blocks: [string, Rect][];
  edges: { id: string; routed: boolean; points: Point[] }[];
}> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport')!;
    const m = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
    const origin = viewport.parentElement!.getBoundingClientRect();
    const blocks = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((node) => {
      const r = node.getBoundingClientRect();
      const rect = {
        x: (r.left - origin.left - m.e) / m.a,
        y: (r.top - origin.top - m.f) / m.a,
        width: r.width / m.a,
        height: r.height / m.a,
      };
      return [node.dataset.id ?? '', rect] as [string, typeof rect];
    });
    const edges = [...document.querySelectorAll<SVGGElement>('.react-flow__edge')].map((edge) => {
      const path = edge.querySelector<SVGPathElement>('path.react-flow__edge-path')!;
      const numbers = (path.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?(e-?\d+)?/g)?.map(Number) ?? [];
      const commands = (path.getAttribute('d') ?? '').match(/[MLQ]/g) ?? [];
      const points: { x: number; y: number }[] = [];
      let i = 0;
      for (const command of commands) {
        if (command === 'Q') {
          points.push({ x: numbers[i]!, y: numbers[i + 1]! });
          i += 4;
        } else {
          points.push({ x: numbers[i]!, y: numbers[i + 1]! });
          i += 2;
        }
      }
      return { id: edge.dataset.id ?? '', routed: path.classList.contains('routed'), points };
    });
    return { blocks, edges };
  });
}
