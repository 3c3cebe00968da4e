/**
 * What the widget costs a host page, in Chromium against the real runtime (embedded PGlite, demo bot):
 * page load and main-thread work with and without the snippet on the same page (the baseline), time
 * until the launcher shows, and first open → first bot message on screen (session + lazy chat.js).
 *   npx tsx bench/widget/page-cost.ts   → writes bench/results/widget-page-cost.md
 * BENCH_RUNS (default 15) page loads per variant.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../apps/widget/e2e/browser';
import globalSetup from '../../apps/widget/e2e/global-setup';
import { startHostPage } from '../../apps/widget/e2e/host-page';
import { startRuntime } from '../../apps/widget/e2e/runtime-process';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const ROOT = resolve(import.meta.dirname, '../..');

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p90 = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))] ?? 0;
const ms = (n: number) => `${n.toFixed(0)} ms`;

interface Load {
  load: number;
  scriptMs: number;
  launcher?: number;
  firstMessage?: number;
}

/** Records when the widget's host element enters the page, from the page's own clock. */
const WATCH_HOST = `
window.__hostAt = 0;
new MutationObserver(function () {
  if (!window.__hostAt && document.querySelector('flowdesk-widget')) window.__hostAt = performance.now();
}).observe(document, { childList: true, subtree: true });
`;

/** Clicks the launcher; resolves with the ms until the first bot message is on screen. A string, so the
 * bundler's helpers never reach the page. */
const OPEN_TO_FIRST_MESSAGE = `new Promise(function (resolve) {
  var root = document.querySelector('flowdesk-widget').shadowRoot;
  var t0 = performance.now();
  root.querySelector('button.launcher').click();
  (function tick() {
    if (root.querySelector('.row.bot')) resolve(performance.now() - t0);
    else requestAnimationFrame(tick);
  })();
})`;

async function measure(browser: Browser, url: string, widget: boolean): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(WATCH_HOST);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  const load = await page.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart,
  );
  const result: Load = { load, scriptMs: 0 };
  if (widget) {
    await page.waitForFunction('window.__hostAt > 0');
    result.launcher = await page.evaluate<number>('window.__hostAt');
    result.firstMessage = await page.evaluate<number>(OPEN_TO_FIRST_MESSAGE);
  }
  await page.waitForTimeout(300);
  const { metrics } = await cdp.send('Performance.getMetrics');
  result.scriptMs = (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  await context.close();
  return result;
}

async function main(): Promise<void> {
  globalSetup();
  const runtime = await startRuntime();
  const browser = await launchBrowser();
  const withWidget = await startHostPage({ runtimeUrl: runtime.url, botId: 'demo-bot' });
  const without = await startHostPage({ runtimeUrl: runtime.url, botId: 'demo-bot', withWidget: false });
  try {
    // One warm-up each so the runtime's first-request work is not counted.
    await measure(browser, withWidget.url, true);
    await measure(browser, without.url, false);
    const a: Load[] = [];
    const b: Load[] = [];
    for (let i = 0; i < RUNS; i++) {
      b.push(await measure(browser, without.url, false));
      a.push(await measure(browser, withWidget.url, true));
    }
    const col = (xs: Load[], f: (l: Load) => number | undefined) =>
      xs.map(f).filter((x): x is number => x !== undefined);
    const rows = [
      ['Page `load` event', col(b, (l) => l.load), col(a, (l) => l.load)],
      [
        'Main-thread script time (load, and first open for the widget)',
        col(b, (l) => l.scriptMs),
        col(a, (l) => l.scriptMs),
      ],
      ['Launcher in the page (from navigation start)', [], col(a, (l) => l.launcher)],
      ['First open → first bot message shown', [], col(a, (l) => l.firstMessage)],
    ] as const;
    const line = ([label, base, widget]: (typeof rows)[number]) =>
      `| ${label} | ${base.length ? `${ms(median(base))} / ${ms(p90(base))}` : '—'} | ${ms(median(widget))} / ${ms(p90(widget))} | ${
        base.length ? `${(median(widget) - median(base)).toFixed(0)} ms` : ''
      } |`;
    const md = `# Widget cost on a host page

Measured ${new Date().toISOString()} by \`bench/widget/page-cost.ts\`: Chromium (headless) on a plain host page
served from loopback, the real runtime (embedded PGlite, demo bot) on loopback, ${RUNS} fresh browser contexts per
variant after one warm-up each. Baseline: the same page without the snippet, measured in the same run, alternating.
"First open" includes creating the visitor session, the bot's welcome step and fetching chat.js.

| Median / p90 | Page without widget | Page with widget | Widget adds (median) |
|---|---|---|---|
${rows.map(line).join('\n')}
`;
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results/widget-page-cost.md'), md);
    console.log(md);
  } finally {
    await browser.close();
    await withWidget.close();
    await without.close();
    await runtime.stop();
  }
}

await main();
