import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildWidget } from '../../widget/e2e/build-widget';

declare module 'vitest' {
  interface ProvidedContext {
    /** The folder holding this run's production bundles: `builder/` (the dashboard) and `widget/`. */
    e2eBundles: string;
  }
}

const builderRoot = resolve(import.meta.dirname, '..');

/**
 * Once per run: builds the dashboard and the widget as `pnpm build` does (production bundles), into a folder
 * of this run's own, so another run rebuilding apps/*\/dist cannot pull files from under it. Every e2e file
 * serves them: building them in each test worker cost seconds of CPU a worker.
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'flowdesk-e2e-bundles-'));
  const env = { ...process.env, NODE_ENV: 'production' };
  try {
    const vite = resolve(builderRoot, 'node_modules/.bin/vite');
    execFileSync(vite, ['build', '--logLevel', 'error', '--outDir', `${dir}/builder`], { cwd: builderRoot, env });
    buildWidget(`${dir}/widget`, env);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  project.provide('e2eBundles', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
