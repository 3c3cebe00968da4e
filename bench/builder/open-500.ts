/**
 * Opens a generated 500-block flow in the real dashboard (headless Chromium) and measures the time to
 * the first rendered block and until the editor settled, then how fast a dragged block follows the mouse.
 * Run: npx tsx bench/builder/open-500.ts   (writes bench/results/builder.md)
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { launchBrowser, login } from '../../apps/builder/e2e/support/browser';
import { startHarness } from '../../apps/builder/e2e/support/harness';
import { generateFlow } from '../engine/generate-flow';

const BLOCKS = 500;
const OPENS = 7;
const DRAGS = 5;
const GOAL_MS = 1000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? Number.NaN;
const ms = (x: number) => `${x.toFixed(0)} ms`;

// Runs in the page before the app: records when the first block and when every block was painted.
const OBSERVE_RENDER = `
  window.__bench = { firstNode: null, allNodes: null, rendered: 0, inFlow: 0 };
  new MutationObserver(() => {
    const nodes = document.querySelectorAll('.react-flow__node');
    if (nodes.length && window.__bench.firstNode === null) window.__bench.firstNode = performance.now();
    const minimap = document.querySelectorAll('.react-flow__minimap-node').length;
    if (minimap >= ${BLOCKS} && window.__bench.allNodes === null &&
        [...nodes].every((n) => n.style.visibility !== 'hidden')) {
      window.__bench.allNodes = performance.now();
      window.__bench.rendered = nodes.length;
      window.__bench.inFlow = minimap;
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
`;

const harness = await startHarness();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await login(page, harness.appUrl, harness.seeded.admin.email, harness.seeded.admin.password);
  await page.getByRole('heading', { name: 'Flows', exact: true }).waitFor();
  const flowId = await page.evaluate(
    async ({ botId, draft }) => {
      const response = await fetch('/api/admin/flows', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'flowdesk' },
        body: JSON.stringify({ botId, name: 'Benchmark 500', draft }),
      });
      return ((await response.json()) as { flow: { id: string } }).flow.id;
    },
    { botId: harness.seeded.botId, draft: generateFlow(BLOCKS) },
  );
  await page.addInitScript(OBSERVE_RENDER);

  let rendered = 0;
  const firstNode: number[] = [];
  const allNodes: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    await page.goto(`${harness.appUrl}flows/${flowId}`);
    await page.waitForFunction(
      () => (window as unknown as { __bench: { allNodes: number | null } }).__bench.allNodes !== null,
      null,
      { timeout: 60_000 },
    );
    const timing = await page.evaluate(
      () => (window as unknown as { __bench: { firstNode: number; allNodes: number; rendered: number } }).__bench,
    );
    rendered = timing.rendered;
    firstNode.push(timing.firstNode);
    allNodes.push(timing.allNodes);
  }

  // Drag: latency from each pointer move to the block's new position on screen.
  const latencies: number[] = [];
  const firstResponse: number[] = [];
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const candidates = await page.locator('.react-flow__node').evaluateAll(
    (nodes, area) =>
      nodes
        .filter((n) => {
          const r = n.getBoundingClientRect();
          return (
            r.left > area.x + 10 &&
            r.right < area.x + area.width - 10 &&
            r.top > area.y + 10 &&
            r.bottom < area.y + area.height - 170
          );
        })
        .map((n) => n.getAttribute('data-id')!),
    pane,
  );
  if (candidates.length === 0) throw new Error('no block fully on screen to drag');
  for (let i = 0; i < DRAGS; i++) {
    const target = page.locator(`.react-flow__node[data-id="${candidates[i % candidates.length]}"]`);
    const box = (await target.boundingBox())!;
    await target.evaluate((el) => {
      const state = { lastMove: 0, firstMove: 0, latencies: [] as number[], first: 0 };
      (window as unknown as { __drag: typeof state }).__drag = state;
      document.addEventListener(
        'pointermove',
        (e) => {
          state.lastMove = e.timeStamp;
          state.firstMove ||= e.timeStamp;
        },
        { capture: true },
      );
      new MutationObserver(() => {
        requestAnimationFrame(() => {
          const now = performance.now();
          if (state.lastMove) state.latencies.push(now - state.lastMove);
          state.first ||= now - state.firstMove;
        });
      }).observe(el, { attributes: true, attributeFilter: ['style'] });
    });
    const x = box.x + box.width / 2;
    const y = box.y + 12; // the block's title bar
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let step = 1; step <= 20; step++) await page.mouse.move(x + step * 3, y + step * 2);
    await page.mouse.up();
    await page.waitForTimeout(100);
    const drag = await page.evaluate(
      () => (window as unknown as { __drag: { latencies: number[]; first: number } }).__drag,
    );
    latencies.push(...drag.latencies);
    firstResponse.push(drag.first);
  }

  const rows = [
    [
      'Time to first block on screen (median of 7 opens)',
      ms(median(firstNode)),
      `≤ ${GOAL_MS} ms`,
      median(firstNode) <= GOAL_MS ? 'yes' : 'NO',
    ],
    [
      `Time to the editor settled: ${BLOCKS} blocks loaded, ${rendered} in the DOM and measured (median)`,
      ms(median(allNodes)),
      `≤ ${GOAL_MS} ms`,
      median(allNodes) <= GOAL_MS ? 'yes' : 'NO',
    ],
    ['Time to the editor settled (worst of 7)', ms(Math.max(...allNodes)), '', ''],
    [
      'First drag response: pointer move → block moved on screen (median)',
      ms(median(firstResponse)),
      '≤ 100 ms',
      median(firstResponse) <= 100 ? 'yes' : 'NO',
    ],
    [
      `Drag frame latency (median of ${latencies.length} moves)`,
      ms(median(latencies)),
      '≤ 50 ms',
      median(latencies) <= 50 ? 'yes' : 'NO',
    ],
    ['Drag frame latency (p95)', ms(p95(latencies)), '', ''],
  ];
  const cpu = cpus();
  const report = [
    '## Builder (apps/builder)',
    '',
    `Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, headless Chromium (/usr/bin/chromium), 1280×800; load average during the run ${loadavg()[0]!.toFixed(1)} (other suites share the machine).`,
    `Flow: ${BLOCKS} blocks generated by bench/engine/generate-flow.ts, opened ${OPENS} times from a navigation to /app/flows/:id`,
    '(times from navigation start: page load, API fetch, validation, React Flow render; a large flow opens on its',
    'start block at 75 %).',
    'Drag: real mouse drags of 20 steps on blocks on screen; latency = pointer event → next frame after the block moved.',
    '',
    '| Measure | Result | Goal | Met |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n');
  writeFileSync(new URL('../results/builder.md', import.meta.url), report);
  console.log(report);
} finally {
  await browser.close();
  await harness.close();
}
