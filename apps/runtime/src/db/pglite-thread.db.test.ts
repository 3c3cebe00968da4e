import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, pgliteHandle } from './database';
import { PGliteThread } from './pglite-thread';

describe('PGlite on its own thread', () => {
  let thread: PGliteThread;
  let handle: DatabaseHandle;
  beforeAll(async () => {
    thread = new PGliteThread({ dataDir: 'memory://' });
    handle = pgliteHandle(thread);
    await sql`create table notes (id int primary key, body text not null, at timestamptz, meta jsonb)`.execute(
      handle.db,
    );
  }, 120_000);
  afterAll(() => handle.close());

  it('returns rows as PGlite parses them (dates, JSON, numbers)', async () => {
    const at = new Date('2026-12-04T10:00:00.000Z');
    await sql`insert into notes values (${1}, ${'one'}, ${at}, ${JSON.stringify({ a: [1] })})`.execute(handle.db);
    const { rows } = await sql<Record<string, unknown>>`select * from notes where id = ${1}`.execute(handle.db);
    expect(rows).toEqual([{ id: 1, body: 'one', at, meta: { a: [1] } }]);
  });

  it("reports PostgreSQL's error fields and keeps the thread usable", async () => {
    const duplicate = sql`insert into notes (id, body) values (${1}, ${'again'})`.execute(handle.db);
    await expect(duplicate).rejects.toMatchObject({ code: '23505', constraint: 'notes_pkey' });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from notes`.execute(handle.db);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('commits a transaction, rolls back a failed one, and runs them one at a time', async () => {
    await handle.db.transaction().execute(async (trx) => {
      await sql`insert into notes (id, body) values (${2}, ${'two'})`.execute(trx);
    });
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`insert into notes (id, body) values (${3}, ${'three'})`.execute(trx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const order: string[] = [];
    await Promise.all(
      ['a', 'b'].map((name) =>
        handle.db.transaction().execute(async (trx) => {
          order.push(`${name} begins`);
          await sql`select pg_sleep(0.05)`.execute(trx);
          order.push(`${name} ends`);
        }),
      ),
    );
    expect(order).toEqual(['a begins', 'a ends', 'b begins', 'b ends']);
    const { rows } = await sql<{ id: number }>`select id from notes order by id`.execute(handle.db);
    expect(rows.map((row) => row.id)).toEqual([1, 2]);
  });

  it('answers a readiness ping while a transaction holds the database', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let began: () => void = () => {};
    const begun = new Promise<void>((resolve) => {
      began = resolve;
    });
    const transaction = handle.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      began();
      await held;
    });
    await begun;
    const queued = sql`select 1 as after`.execute(handle.db);
    let queuedDone = false;
    void queued.then(() => {
      queuedDone = true;
    });
    await handle.ping();
    expect(queuedDone).toBe(false);
    release();
    await transaction;
    await queued;
  });

  it('answers a ping at once while the thread is answering a burst, and only when the thread answers', async () => {
    await sql`select 1`.execute(handle.db);
    // A statement in flight right after a reply: the thread is answering, the ping does not queue behind it
    // (a CPU-bound statement holds the thread: ~0.6 s here).
    const long = sql`select sum(x) from generate_series(1, 3000000) x`.execute(handle.db);
    let longDone = false;
    void long.then(() => {
      longDone = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50)); // the thread is inside the statement
    await handle.ping();
    expect(longDone).toBe(false);
    await long;
    // A statement that holds the thread past a second (~2 s here): the ping waits for the thread itself.
    const stuck = sql`select sum(x) from generate_series(1, 10000000) x`.execute(handle.db);
    let stuckDone = false;
    void stuck.then(() => {
      stuckDone = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await handle.ping();
    expect(stuckDone).toBe(true);
  });

  it('refuses work once closed', async () => {
    const other = new PGliteThread({ dataDir: 'memory://' });
    await other.waitReady;
    await other.close();
    expect(other.closed).toBe(true);
    await expect(other.query('select 1')).rejects.toThrow('closed');
  }, 120_000);
});
