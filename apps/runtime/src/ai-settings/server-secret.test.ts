import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { testConfig } from '../config';
import { resolveServerSecret } from './server-secret';

describe('resolveServerSecret', () => {
  test('SECRET_KEY wins; PostgreSQL without it has none (instances could not share a file)', async () => {
    const secret = 'x'.repeat(40);
    expect(await resolveServerSecret(testConfig({ SECRET_KEY: secret }))).toBe(secret);
    expect(await resolveServerSecret(testConfig({ DATABASE_URL: 'postgres://db/flowdesk' }))).toBeNull();
  });

  test('an embedded database on disk gets one secret file, owner-only, read back on the next start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowdesk-secret-'));
    try {
      const config = testConfig({ DATA_DIR: join(dir, 'data') });
      const first = await resolveServerSecret(config);
      expect(first).toMatch(/^[\w-]{43}$/);
      expect(await resolveServerSecret(config)).toBe(first);
      const file = join(dir, 'data', 'secret.key');
      expect((await readFile(file, 'utf8')).trim()).toBe(first);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
