/**
 * The seeded PostgreSQL database of bench/analytics (`bench_analytics` next to TEST_DATABASE_URL), kept between
 * runs: created, migrated with the real migrations and seeded when missing (or when BENCH_RESEED=1); an existing
 * one is migrated to the latest schema, so a new migration's backfill runs on the seeded data.
 */

import { sql } from 'kysely';
import pg from 'pg';
import { rebuildBlockFigures } from '../../src/analytics/block-rollup';
import { rebuildSummaries } from '../../src/analytics/conversation-summary';
import { createDatabase, type DatabaseHandle } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrate';
import { seedAnalytics, TIME_ZONE, WORKSPACE } from './bench-seed';

const NAME = process.env.BENCH_ANALYTICS_DB ?? 'bench_analytics';
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function urlOf(database: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export interface AnalyticsBench {
  handle: DatabaseHandle;
  /** When the seeded 90 days end (the seed's "now"). */
  end: Date;
  seededNow: boolean;
}

/** Opens (creating, migrating and seeding when needed) the bench database; `log` hears each step. */
export async function openAnalyticsBench(log: (line: string) => void): Promise<AnalyticsBench> {
  const exists = await withClient(serverUrl, async (admin) => {
    if (process.env.BENCH_RESEED === '1') await admin.query(`drop database if exists ${NAME} with (force)`);
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [NAME]);
    if (!rowCount) await admin.query(`create database ${NAME}`);
    return Boolean(rowCount);
  });
  const url = urlOf(NAME);
  const handle = createDatabase({ DATABASE_URL: url, DATA_DIR: 'memory://' });
  const started = performance.now();
  await migrateToLatest(handle.db);
  log(`migrated in ${Math.round(performance.now() - started)} ms`);
  const seeded = await withClient(url, async (client) => {
    const { rows } = await client.query<{ end: Date | null }>(
      'select max(created_at) as end from conversations where workspace_id = $1',
      [WORKSPACE],
    );
    return rows[0]?.end ?? null;
  });
  if (exists && seeded) return { handle, end: seeded, seededNow: false };
  const end = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  await withClient(url, (client) => seedAnalytics(client, end, log));
  const summarized = performance.now();
  await rebuildSummaries(handle.db, WORKSPACE);
  await sql`vacuum analyze analytics_conversations`.execute(handle.db);
  log(`analytics_conversations: built in ${Math.round(performance.now() - summarized)} ms`);
  const rolled = performance.now();
  await rebuildBlockFigures(handle.db, WORKSPACE);
  await sql`vacuum analyze analytics_block_contributions, analytics_block_days`.execute(handle.db);
  log(`analytics_block_days: built in ${Math.round(performance.now() - rolled)} ms`);
  const { rows } = await withClient(url, (client) =>
    client.query<{ end: Date }>('select max(created_at) as end from conversations where workspace_id = $1', [
      WORKSPACE,
    ]),
  );
  return { handle, end: rows[0]!.end, seededNow: true };
}

/** The baseline of every range: count the facts of the range's days (index on workspace, at). */
export async function countFactsInRange(handle: DatabaseHandle, from: string, to: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from analytics_facts
    where workspace_id = ${WORKSPACE} and at >= (${from}::date)::timestamp at time zone ${TIME_ZONE}
      and at < (${to}::date + 1)::timestamp at time zone ${TIME_ZONE}`.execute(handle.db);
  return rows[0]!.n;
}

/** How much was seeded: conversations, messages and facts of the bench workspace. */
export async function seededSizes(handle: DatabaseHandle) {
  const { rows } = await sql<{ conversations: number; messages: number; facts: number }>`
    select (select count(*) from conversations where workspace_id = ${WORKSPACE})::int as conversations,
      (select count(*) from messages m join conversations c on c.id = m.conversation_id
        where c.workspace_id = ${WORKSPACE})::int as messages,
      (select count(*) from analytics_facts where workspace_id = ${WORKSPACE})::int as facts`.execute(handle.db);
  return rows[0]!;
}
