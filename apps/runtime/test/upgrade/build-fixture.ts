/**
 * Builds an upgrade fixture from an older build: a git worktree of <commit>, its own install, its migrations
 * and populate.ts (run with that build's code) on a scratch PostgreSQL database, then a plain-SQL dump that
 * PostgreSQL and PGlite both load. Writes test/fixtures/upgrade/<name>.sql and <name>.json (the manifest).
 *
 *   npx tsx apps/runtime/test/upgrade/build-fixture.ts <commit> <name> [--pending]
 *
 * --pending: the build defers flow calls (0400_pending_effects); leave one conversation waiting for its call.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createScratchPostgres } from '../db';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '../../../..');
const fixturesDir = join(here, '../fixtures/upgrade');

const [commit, name] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const pending = process.argv.includes('--pending');
if (!commit || !name) throw new Error('usage: build-fixture.ts <commit> <name> [--pending]');

/** pg_dump's plain output, minus what only psql understands or what would outlive the load in the session. */
export function portableDump(dump: string): string {
  return dump
    .split('\n')
    .filter((line) => !line.startsWith('\\')) // \restrict, \unrestrict: psql meta-commands
    .filter((line) => !line.startsWith("SELECT pg_catalog.set_config('search_path', '', false);"))
    .join('\n');
}

const parent = mkdtempSync(join(tmpdir(), 'flowdesk-upgrade-'));
const root = join(parent, 'repo');
const scratch = await createScratchPostgres();
try {
  await run('git', ['worktree', 'add', '--detach', root, commit], { cwd: repoRoot });
  const { stdout: sha } = await run('git', ['rev-parse', 'HEAD'], { cwd: root });
  await run('npx', ['-y', 'pnpm@12.21.0', 'install', '--frozen-lockfile', '--prefer-offline'], {
    cwd: root,
    maxBuffer: 16 * 2 ** 20,
  });
  const target = join(root, 'apps/runtime/test/upgrade');
  mkdirSync(target, { recursive: true });
  for (const file of ['populate.ts', 'upgrade-flow.ts']) copyFileSync(join(here, file), join(target, file));
  const manifestFile = join(parent, 'manifest.json');
  const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(target, 'populate.ts')], {
    cwd: join(root, 'apps/runtime'),
    env: {
      ...process.env,
      DATABASE_URL: scratch.url,
      MANIFEST_FILE: manifestFile,
      BUILD: sha.trim(),
      UPGRADE_PENDING: pending ? '1' : '0',
    },
    maxBuffer: 16 * 2 ** 20,
  });
  process.stdout.write(stdout + stderr);
  const { stdout: dump } = await run(
    'pg_dump',
    ['--no-owner', '--no-privileges', '--no-comments', '--inserts', '--quote-all-identifiers', scratch.url],
    { maxBuffer: 64 * 2 ** 20 },
  );
  mkdirSync(fixturesDir, { recursive: true });
  writeFileSync(join(fixturesDir, `${name}.sql`), portableDump(dump));
  writeFileSync(join(fixturesDir, `${name}.json`), readFileSync(manifestFile));
  console.log(`wrote ${name}.sql and ${name}.json from ${sha.trim()}`);
} finally {
  await scratch.drop();
  await run('git', ['worktree', 'remove', '--force', root], { cwd: repoRoot }).catch(() => {});
  await run('git', ['worktree', 'prune'], { cwd: repoRoot }).catch(() => {});
  rmSync(parent, { recursive: true, force: true });
}
