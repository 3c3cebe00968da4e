import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { supportBotFlow } from '@flowdesk/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { type Config, testConfig } from '../src/config';
import type { DatabaseKind } from '../src/db/database';
import { startServer } from '../src/server';
import { createScratchPostgres } from './db';
import { seedWorkspace } from './fixtures/accounts';
import { publishFlow } from './fixtures/flows';
import { TestVisitor } from './fixtures/visitor';

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function durableConfig(kind: DatabaseKind): Promise<Config> {
  if (kind === 'postgres') {
    const scratch = await createScratchPostgres();
    cleanups.push(scratch.drop);
    return testConfig({ DATABASE_URL: scratch.url });
  }
  const dir = mkdtempSync(join(tmpdir(), 'flowdesk-restart-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return testConfig({ DATA_DIR: dir });
}

describe.each(['pglite', 'postgres'] as const)('restart on %s', (kind) => {
  it('continues a visitor mid-flow after the runtime stops and starts again', async () => {
    const config = await durableConfig(kind);
    const first = await startServer(config);
    const { bot } = await seedWorkspace(first.db);
    await publishFlow(first.db, bot.id, supportBotFlow);
    const visitor = new TestVisitor(first.url, bot.id);
    await visitor.start();
    const asked = await visitor.pick('pricing', 'Pricing');
    expect(asked.conversation.awaiting).toMatchObject({ type: 'input' });
    await first.close();

    const second = await startServer(config);
    cleanups.push(() => second.close());
    const resumed = new TestVisitor(second.url, bot.id);
    const session = await resumed.start({ visitorToken: visitor.token });
    expect(session.conversation.id).toBe(visitor.conversationId);
    expect(session.conversation.lastSeq).toBe(asked.conversation.lastSeq);
    const answered = await resumed.say('How much is the Pro plan per month?');
    expect(answered.message.seq).toBe(asked.conversation.lastSeq + 1);
    const text = answered.replies.map((reply) => JSON.stringify(reply.content)).join(' ');
    expect(text).toContain('$29');
    expect(answered.conversation.awaiting).toMatchObject({ type: 'choice' });
  });
});
