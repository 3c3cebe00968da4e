import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config';

const FILE = 'secret.key';

/**
 * The secret that seals saved AI keys: SECRET_KEY; else, for an embedded database on disk, a random one kept beside
 * it (DATA_DIR/secret.key, created once, owner-only); in memory, one per process. Null on PostgreSQL without
 * SECRET_KEY: instances could not agree on a file, so keys are not saved rather than sealed with a lost secret.
 */
export async function resolveServerSecret(config: Config): Promise<string | null> {
  if (config.SECRET_KEY) return config.SECRET_KEY;
  if (config.DATABASE_URL) return null;
  if (config.DATA_DIR.startsWith('memory://')) return randomBytes(32).toString('base64url');
  const path = join(config.DATA_DIR, FILE);
  const existing = await readFile(path, 'utf8').catch(() => null);
  if (existing?.trim()) return existing.trim();
  await mkdir(config.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // `wx`: of two processes starting at once, the second reads the first one's secret.
  const wrote = await writeFile(path, `${secret}\n`, { mode: 0o600, flag: 'wx' }).then(
    () => true,
    () => false,
  );
  return wrote ? secret : (await readFile(path, 'utf8')).trim();
}
