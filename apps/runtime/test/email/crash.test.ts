import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db';
import { type FakeResendServer, startFakeResend } from '../fakes/resend-server';
import { waitFor } from '../poll';
import { outboxRow, queue, resendWorker } from './outbox-helpers';

const here = dirname(fileURLToPath(import.meta.url));

describe('a worker process killed mid-send (PostgreSQL)', () => {
  let database: TestDatabase;
  let fake: FakeResendServer;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    fake = await startFakeResend();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await fake.close();
    await database.dispose();
  });

  it('leaves the row in sending; after the lease another worker sends it with the same key, delivered once', async () => {
    const { db } = database;
    const id = await queue(db);
    // Resend accepts the email but the answer never reaches the worker, which then dies.
    fake.inject({ hang: true, deliver: true });
    child = spawn(process.execPath, ['--import', 'tsx', join(here, 'crash-worker.ts')], {
      cwd: join(here, '../..'),
      env: { ...process.env, DATABASE_URL: database.config.DATABASE_URL, RESEND_BASE_URL: fake.baseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
    });
    child.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child!.on('exit', (_code, signal) => resolve(signal)),
    );

    await waitFor(async () => (fake.requests.length === 1 ? true : undefined), 90_000);
    expect((await outboxRow(db, id)).status).toBe('sending');
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(output).not.toContain('finished');

    const row = await outboxRow(db, id);
    expect(row).toMatchObject({ status: 'sending', attempts: 1 });
    const leaseEnd = row.locked_until!.getTime();
    const early = resendWorker(db, fake, { now: () => new Date(leaseEnd - 1000) });
    expect(await early.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    const late = resendWorker(db, fake, { now: () => new Date(leaseEnd + 1000) });
    expect(await late.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });

    expect(fake.requests.map((r) => r.idempotencyKey)).toEqual([row.idempotency_key, row.idempotency_key]);
    expect(fake.requests.map((r) => r.apiKey)).toEqual(['re_child_key', 're_test_key']);
    expect(fake.delivered).toHaveLength(1);
    expect(await outboxRow(db, id)).toMatchObject({ status: 'sent', attempts: 2, provider_id: fake.delivered[0]!.id });
  }, 150_000);
});
