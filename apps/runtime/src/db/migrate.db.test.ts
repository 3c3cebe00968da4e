import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseKinds, useTestDatabase } from '../../test/db';
import { DirectoryMigrationProvider, migrateToLatest } from './migrate';

describe('DirectoryMigrationProvider', () => {
  it('loads every numbered migration file in order', async () => {
    const names = Object.keys(await new DirectoryMigrationProvider().getMigrations());
    expect(names[0]).toBe('0001_core');
    expect([...names].sort()).toEqual(names);
  });
});

describe.each(databaseKinds)('migrations on %s', (kind) => {
  const database = useTestDatabase(kind, { migrate: false });

  it('creates the core tables and is idempotent', async () => {
    const { db } = database.current;
    const first = await migrateToLatest(db);
    expect(first).toContain('0001_core');
    const second = await migrateToLatest(db);
    expect(second).toEqual([]);
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public'`.execute(db);
    const names = tables.rows.map((row) => row.table_name);
    for (const table of ['workspaces', 'bots', 'flows', 'flow_versions', 'visitors', 'conversations', 'messages']) {
      expect(names).toContain(table);
    }
  });

  it('enforces one message per (conversation, seq) and per (conversation, client id)', async () => {
    const { db } = database.current;
    await db.insertInto('workspaces').values({ id: 'w', name: 'W', settings: '{}' }).execute();
    await db
      .insertInto('bots')
      .values({ id: 'b', workspace_id: 'w', name: 'B', allowed_origins: '[]', settings: '{}', flow_id: null })
      .execute();
    await db
      .insertInto('visitors')
      .values({
        id: 'v',
        bot_id: 'b',
        token_hash: 'h',
        variables: '{}',
        name: null,
        email: null,
        page_url: null,
        user_agent: null,
        locale: null,
      })
      .execute();
    await db
      .insertInto('conversations')
      .values({
        id: 'c',
        workspace_id: 'w',
        bot_id: 'b',
        visitor_id: 'v',
        flow_version_id: null,
        status: 'bot',
        variables: '{}',
        last_seq: 0,
      } as never)
      .execute();
    const message = {
      conversation_id: 'c',
      author_kind: 'visitor' as const,
      type: 'text',
      payload: '{"text":"hi"}',
      internal: false,
    };
    await db
      .insertInto('messages')
      .values({ ...message, id: 'm1', seq: 1, client_id: 'x' } as never)
      .execute();
    await expect(
      db
        .insertInto('messages')
        .values({ ...message, id: 'm2', seq: 1, client_id: 'y' } as never)
        .execute(),
    ).rejects.toThrow();
    await expect(
      db
        .insertInto('messages')
        .values({ ...message, id: 'm3', seq: 2, client_id: 'x' } as never)
        .execute(),
    ).rejects.toThrow();
    const stored = await db.selectFrom('messages').select(['payload', 'created_at']).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.payload).toEqual({ text: 'hi' });
    expect(stored[0]?.created_at).toBeInstanceOf(Date);
  });
});
