import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const PNPM = 'pnpm@12.21.0';

export interface Checkout {
  /** Root of the checkout (pass as `root` to spawnRuntime). */
  root: string;
  commit: string;
  /** Removes the worktree and its temp directory (safe to call twice). */
  remove(): Promise<void>;
}

/**
 * A detached git worktree of `commit` in a temp directory, installed from its lockfile (the pnpm store is
 * shared, so this takes seconds), for running that commit's runtime in the same run (a baseline, or HEAD
 * without the uncommitted edits of the working tree).
 */
export async function checkoutCommit(commit: string, timeoutMs = 180_000): Promise<Checkout> {
  const parent = mkdtempSync(join(tmpdir(), 'flowdesk-checkout-'));
  const root = join(parent, 'repo');
  let removed = false;
  const remove = async () => {
    if (removed) return;
    removed = true;
    await run('git', ['worktree', 'remove', '--force', root], { cwd: repoRoot, timeout: 60_000 }).catch(() => {});
    await run('git', ['worktree', 'prune'], { cwd: repoRoot, timeout: 60_000 }).catch(() => {});
    rmSync(parent, { recursive: true, force: true });
  };
  try {
    await run('git', ['worktree', 'add', '--detach', root, commit], { cwd: repoRoot, timeout: 60_000 });
    await run('npx', ['-y', PNPM, 'install', '--frozen-lockfile', '--prefer-offline'], {
      cwd: root,
      timeout: timeoutMs,
      maxBuffer: 16 * 2 ** 20,
    });
    const { stdout } = await run('git', ['rev-parse', 'HEAD'], { cwd: root });
    return { root, commit: stdout.trim(), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
