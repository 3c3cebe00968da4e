import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createScratchPostgres } from '../../test/db';
import { testConfig } from '../config';
import { createDatabase } from './database';
import { planEachTime } from './plan-each-time';

const preparedOnConnection = sql<{ statement: string }>`select statement from pg_prepared_statements`;

describe('prepared statements on PostgreSQL', () => {
  it('prepares a statement sent twice, once per connection, and leaves one-off statements unnamed', async () => {
    const scratch = await createScratchPostgres();
    const handle = createDatabase(testConfig({ DATABASE_URL: scratch.url }));
    try {
      // One transaction: one connection, whose pg_prepared_statements the last query reads.
      const prepared = await handle.db.transaction().execute(async (trx) => {
        const repeated = (value: number) => sql`select ${value}::int + 1 as twice_sent`.execute(trx);
        await sql`select ${1}::int + 2 as once_sent`.execute(trx);
        expect((await repeated(1)).rows).toEqual([{ twice_sent: 2 }]);
        expect((await repeated(2)).rows).toEqual([{ twice_sent: 3 }]);
        expect((await repeated(3)).rows).toEqual([{ twice_sent: 4 }]);
        // A report over a range is planned for its own parameters every time.
        for (const value of [1, 2, 3]) await sql`${planEachTime} select ${value}::int as report`.execute(trx);
        return (await preparedOnConnection.execute(trx)).rows.map((row) => row.statement);
      });
      expect(prepared.filter((text) => text.includes('twice_sent'))).toHaveLength(1);
      expect(prepared.some((text) => text.includes('once_sent'))).toBe(false);
      expect(prepared.some((text) => text.includes('report'))).toBe(false);
    } finally {
      await handle.close();
      await scratch.drop();
    }
  });

  it('keeps answering when another instance changes the schema under a prepared select *', async () => {
    const scratch = await createScratchPostgres();
    const handle = createDatabase(testConfig({ DATABASE_URL: scratch.url }));
    const other = createDatabase(testConfig({ DATABASE_URL: scratch.url }));
    try {
      await sql`create table notes (id int primary key, body text)`.execute(handle.db);
      await sql`insert into notes values (1, 'one')`.execute(handle.db);
      const read = () => sql<Record<string, unknown>>`select * from notes where id = ${1}`.execute(handle.db);
      await read();
      expect((await read()).rows).toEqual([{ id: 1, body: 'one' }]);
      await sql`alter table notes add column pinned boolean not null default false`.execute(other.db);
      expect((await read()).rows).toEqual([{ id: 1, body: 'one', pinned: false }]);
      expect((await read()).rows).toEqual([{ id: 1, body: 'one', pinned: false }]);
    } finally {
      await other.close();
      await handle.close();
      await scratch.drop();
    }
  });

  it('prepares nothing with DB_PREPARED_STATEMENTS=false', async () => {
    const scratch = await createScratchPostgres();
    const handle = createDatabase({ ...testConfig({ DATABASE_URL: scratch.url }), DB_PREPARED_STATEMENTS: false });
    try {
      const prepared = await handle.db.transaction().execute(async (trx) => {
        for (const value of [1, 2, 3]) await sql`select ${value}::int + 1 as twice_sent`.execute(trx);
        return (await preparedOnConnection.execute(trx)).rows;
      });
      expect(prepared).toEqual([]);
    } finally {
      await handle.close();
      await scratch.drop();
    }
  });
});
