import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildWidget } from './build-widget';
import { kill, launch, RUNTIME_DIR } from './runtime-process';

/**
 * Once per run: builds the widget (dist/loader.js, dist/chat.js, which the runtime serves) and the runtime's
 * bundle as `pnpm build` does, then starts that bundle once on an empty data folder so it migrates and seeds
 * the demo. Each test file's runtime starts on a copy of that folder: the same data a fresh start makes,
 * without migrating and seeding again (seconds a file on this machine).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  buildWidget();

  const out = `.test-dist-widget-${process.pid}`;
  const bundle = join(RUNTIME_DIR, out);
  execFileSync(process.execPath, ['build.mjs'], {
    cwd: RUNTIME_DIR,
    env: { ...process.env, FLOWDESK_RUNTIME_OUT: out },
  });
  const template = mkdtempSync(join(tmpdir(), 'flowdesk-widget-template-'));
  const cleanUp = () => {
    rmSync(bundle, { recursive: true, force: true });
    rmSync(template, { recursive: true, force: true });
  };
  try {
    const first = await launch(bundle, template, '0', {}, () => {});
    await kill(first.child);
  } catch (error) {
    cleanUp();
    throw error;
  }
  project.provide('widgetRuntime', { bundle, template });
  return cleanUp;
}
