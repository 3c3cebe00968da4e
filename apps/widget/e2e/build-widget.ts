import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const widgetRoot = resolve(import.meta.dirname, '..');

/** Builds loader.js and chat.js as `pnpm build` does, into the widget's dist/ or `outDir`. */
export function buildWidget(outDir?: string, env: NodeJS.ProcessEnv = process.env): void {
  const vite = resolve(widgetRoot, 'node_modules/.bin/vite');
  const out = outDir ? ['--outDir', outDir] : [];
  for (const mode of ['loader', 'chat']) {
    execFileSync(vite, ['build', '--mode', mode, '--logLevel', 'error', ...out], { cwd: widgetRoot, env });
  }
}
