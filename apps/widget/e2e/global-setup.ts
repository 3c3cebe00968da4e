import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The browser tests load dist/loader.js and dist/chat.js through the runtime: build them once per run. */
export default function setup(): void {
  const cwd = resolve(import.meta.dirname, '..');
  const vite = resolve(cwd, 'node_modules/.bin/vite');
  for (const mode of ['loader', 'chat']) execFileSync(vite, ['build', '--mode', mode, '--logLevel', 'error'], { cwd });
}
