import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '../../results');

/** One line naming the machine and software, for every result file. */
export function machineLine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
}

/** Writes bench/results/<name>.md and echoes it. */
export function writeResult(name: string, markdown: string) {
  mkdirSync(resultsDir, { recursive: true });
  const path = join(resultsDir, `${name}.md`);
  writeFileSync(path, `${markdown.trim()}\n`);
  console.log(markdown);
  console.log(`\nwritten to ${path}`);
}

/** A goal's verdict in a result file. */
export const verdict = (ok: boolean) => (ok ? '**met**' : '**not met**');

/** A markdown table from a header row and rows. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
