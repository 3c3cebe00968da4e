// Builds the knowledge-base fixture corpus from the npm CLI documentation (see SOURCE.md). Run once by hand:
//   node apps/runtime/test/knowledge/corpus/build.mjs <npm package dir> <dir holding pdf-lib@1.17.1>
// It copies the chosen pages of the npm docs site (the HTML the npm package ships as docs/output) without the npm
// logo, writes an index page linking them, and renders two further pages of the same docs (markdown) as PDFs with
// pdf-lib. The tests read the committed output only; this script is kept so the corpus can be rebuilt and checked.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [npmDir = '/usr/lib/node_modules/npm', pdfLibDir = '/tmp/kb-bench/pdfgen'] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const { PDFDocument, StandardFonts } = createRequire(join(pdfLibDir, 'package.json'))('pdf-lib');

export const SITE_PAGES = [
  'configuring-npm/folders',
  'configuring-npm/install',
  'configuring-npm/npmrc',
  'configuring-npm/package-json',
  'configuring-npm/package-lock-json',
  'configuring-npm/npm-shrinkwrap-json',
  'using-npm/config',
  'using-npm/developers',
  'using-npm/logging',
  'using-npm/orgs',
  'using-npm/package-spec',
  'using-npm/registry',
  'using-npm/removal',
  'using-npm/scope',
  'using-npm/scripts',
  'commands/npm-install',
  'commands/npm-ci',
  'commands/npm-uninstall',
  'commands/npm-update',
  'commands/npm-outdated',
  'commands/npm-publish',
  'commands/npm-unpublish',
  'commands/npm-deprecate',
  'commands/npm-dist-tag',
  'commands/npm-version',
  'commands/npm-run',
  'commands/npm-init',
  'commands/npm-link',
  'commands/npm-cache',
  'commands/npm-exec',
  'commands/npx',
  'commands/npm-ls',
  'commands/npm-login',
  'commands/npm-token',
  'commands/npm-pack',
  'commands/npm-owner',
];
const PDFS = [
  { from: 'using-npm/workspaces.md', to: 'npm-workspaces.pdf', title: 'npm Workspaces' },
  { from: 'commands/npm-audit.md', to: 'npm-audit.pdf', title: 'npm audit' },
];

const site = join(here, 'site');
rmSync(site, { recursive: true, force: true });
const links = [];
for (const path of SITE_PAGES) {
  const html = readFileSync(join(npmDir, 'docs/output', `${path}.html`), 'utf8')
    // The npm logo is not under the Artistic License (see SOURCE.md): the banner keeps its title only.
    .replace(/<svg class="logo"[\s\S]*?<\/svg>\s*/, '');
  mkdirSync(join(site, dirname(path)), { recursive: true });
  writeFileSync(join(site, `${path}.html`), html);
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? path;
  links.push(`<li><a href="/${path}.html">${title}</a></li>`);
}
writeFileSync(
  join(site, 'index.html'),
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>npm Docs</title></head><body>\n<h1>npm command-line interface documentation</h1>\n<ul>\n${links.join('\n')}\n</ul>\n</body></html>\n`,
);

/** Markdown as plain lines for the PDF: headings, paragraphs, bullets and code, inline syntax removed. */
function blocksOf(markdown) {
  const body = markdown.replace(/^---[\s\S]*?---\n/, '').replace(/<!--[\s\S]*?-->/g, '');
  const blocks = [];
  let paragraph = [];
  let code = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'text', text: paragraph.join(' ') });
    paragraph = [];
  };
  const inline = (text) =>
    text
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__|`)/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  for (const line of body.split('\n')) {
    if (line.startsWith('```')) {
      if (code) {
        blocks.push({ kind: 'code', lines: code });
        code = null;
      } else {
        flush();
        code = [];
      }
    } else if (code) code.push(line);
    else if (/^#{1,6}\s/.test(line)) {
      flush();
      blocks.push({ kind: 'heading', text: inline(line.replace(/^#+\s*/, '')) });
    } else if (/^\s*[-*]\s/.test(line)) {
      flush();
      paragraph.push(`\u2022 ${inline(line.replace(/^\s*[-*]\s/, ''))}`);
    } else if (!line.trim()) flush();
    else paragraph.push(inline(line.trim()));
  }
  flush();
  return blocks;
}

async function renderPdf({ from, to, title }) {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setAuthor('npm, Inc. and Contributors');
  pdf.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  pdf.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const fonts = {
    text: await pdf.embedFont(StandardFonts.Helvetica),
    heading: await pdf.embedFont(StandardFonts.HelveticaBold),
    code: await pdf.embedFont(StandardFonts.Courier),
  };
  const [width, height, margin] = [612, 792, 72];
  let page = pdf.addPage([width, height]);
  let y = height - margin;
  const write = (text, font, size) => {
    if (y < margin + size) {
      page = pdf.addPage([width, height]);
      y = height - margin;
    }
    page.drawText(text.replace(/[^\x20-\x7e\u2022]/g, ' '), { x: margin, y, size, font });
    y -= size * 1.4;
  };
  const wrapped = (text, font, size) => {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width - 2 * margin && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    return lines;
  };
  write(title, fonts.heading, 18);
  y -= 8;
  for (const block of blocksOf(readFileSync(join(npmDir, 'docs/content', from), 'utf8'))) {
    if (block.kind === 'heading') {
      y -= 6;
      write(block.text, fonts.heading, 13);
    } else if (block.kind === 'code') for (const line of block.lines) write(line, fonts.code, 9);
    else for (const line of wrapped(block.text, fonts.text, 11)) write(line, fonts.text, 11);
    y -= 6;
  }
  writeFileSync(join(here, to), await pdf.save({ useObjectStreams: false }));
}
for (const entry of PDFS) await renderPdf(entry);
