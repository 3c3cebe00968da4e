/**
 * Widget size benchmark: builds apps/widget, gzips loader and whole widget, and measures the
 * published competitors in the same run (`npm pack` from the registry into a temp dir).
 * Run: npx tsx bench/widget/size.ts   → writes bench/results/widget.md
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../..');
const WIDGET = join(ROOT, 'apps/widget');
const BUDGET = { loader: 5 * 1024, whole: 30 * 1024 };

const gzip = (b: Buffer) => gzipSync(b, { level: 9 }).length;
const brotli = (b: Buffer) => brotliCompressSync(b).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

interface Row {
  name: string;
  raw: number;
  gzip: number;
  brotli?: number;
  packed?: number;
  note: string;
}

function buildWidget(): { loader: Buffer; chat: Buffer } {
  const vite = join(WIDGET, 'node_modules/.bin/vite');
  for (const mode of ['loader', 'chat'])
    execFileSync(vite, ['build', '--mode', mode, '--logLevel', 'error'], { cwd: WIDGET });
  return { loader: readFileSync(join(WIDGET, 'dist/loader.js')), chat: readFileSync(join(WIDGET, 'dist/chat.js')) };
}

interface Packed {
  name: string;
  version: string;
  filename: string;
  size: number;
}

/** npm pack into a temp dir, unpack, and gzip the package's browser bundle. */
function measurePackage(spec: string, bundlePath: string, note: string, dir: string): Row {
  const out = execFileSync('npm', ['pack', spec, '--json', '--pack-destination', dir], { cwd: dir, encoding: 'utf8' });
  const [info] = JSON.parse(out) as Packed[];
  if (!info) throw new Error(`npm pack ${spec} returned nothing`);
  const unpack = join(dir, info.name.replace(/[@/]/g, '_'));
  mkdirSync(unpack);
  execFileSync('tar', ['xzf', join(dir, info.filename), '-C', unpack]);
  const bundle = readFileSync(join(unpack, 'package', bundlePath));
  return {
    name: `${info.name}@${info.version} (${bundlePath})`,
    raw: bundle.length,
    gzip: gzip(bundle),
    brotli: brotli(bundle),
    packed: info.size,
    note,
  };
}

function main(): void {
  const { loader, chat } = buildWidget();
  const whole = Buffer.concat([loader, chat]);
  const rows: Row[] = [
    {
      name: 'Flowdesk loader.js',
      raw: loader.length,
      gzip: gzip(loader),
      brotli: brotli(loader),
      note: 'script tag; launcher + SDK',
    },
    {
      name: 'Flowdesk chat.js',
      raw: chat.length,
      gzip: gzip(chat),
      brotli: brotli(chat),
      note: 'loaded on first open',
    },
    {
      name: 'Flowdesk whole widget',
      raw: whole.length,
      gzip: gzip(loader) + gzip(chat),
      brotli: brotli(loader) + brotli(chat),
      note: 'loader + chat, no other requests',
    },
  ];
  const tmp = mkdtempSync(join(tmpdir(), 'widget-bench-'));
  const competitors: Row[] = [];
  try {
    competitors.push(measurePackage('@typebot.io/js', 'dist/web.js', 'the embed bundle (self-contained)', tmp));
    competitors.push(
      measurePackage(
        '@botpress/webchat',
        'dist/index.js',
        'ESM bundle; also needs react, react-dom and its npm deps',
        tmp,
      ),
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const whole_gz = rows[2]!.gzip;
  const table = [...rows, ...competitors]
    .map(
      (r) =>
        `| ${r.name} | ${kb(r.raw)} | ${kb(r.gzip)} | ${r.brotli ? kb(r.brotli) : ''} | ${r.packed ? kb(r.packed) : ''} | ${(r.gzip / whole_gz).toFixed(1)}× | ${r.note} |`,
    )
    .join('\n');
  const loaderOk = rows[0]!.gzip <= BUDGET.loader;
  const wholeOk = whole_gz <= BUDGET.whole;
  const md = `# Widget size

Measured ${new Date().toISOString()} on Node ${process.version} by \`bench/widget/size.ts\` (gzip level 9).
Competitors are fetched with \`npm pack\` in the same run; "packed" is the npm tarball size.

| What | Raw | Gzip | Brotli | npm packed | Gzip vs Flowdesk whole | Note |
|---|---|---|---|---|---|---|
${table}

Budgets: loader ≤ ${kb(BUDGET.loader)} gzip: **${loaderOk ? 'met' : 'MISSED'}** (${kb(rows[0]!.gzip)});
whole widget ≤ ${kb(BUDGET.whole)} gzip: **${wholeOk ? 'met' : 'MISSED'}** (${kb(whole_gz)}).
`;
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/widget.md'), md);
  console.log(md);
  if (!loaderOk || !wholeOk) process.exitCode = 1;
}

main();
