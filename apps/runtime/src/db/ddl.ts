import { type Kysely, sql } from 'kysely';

/**
 * The SQL the migrations (db/migrations) repeat: the usual columns, a table from its columns, running a list of
 * statements. Deployed databases have run the migrations built from these, so what each one writes must never
 * change: a table that needs something else spells it out, or a new helper is added beside these.
 */

/** The text primary key most tables have (`newId()`). */
export const ID = 'id text primary key';
export const CREATED_AT = 'created_at timestamptz not null default now()';
export const UPDATED_AT = 'updated_at timestamptz not null default now()';

/** A required link to another row's id: the row belongs to that one and is deleted with it. */
export const belongsTo = (column: string, table: string) =>
  `${column} text not null references ${table}(id) on delete cascade`;

/** An optional link to another row's id, emptied (set null) when that row is deleted. */
export const linkedTo = (column: string, table: string) => `${column} text references ${table}(id) on delete set null`;

/** The workspace a row belongs to (tenancy): deleting the workspace deletes the row. */
export const WORKSPACE_ID = belongsTo('workspace_id', 'workspaces');

/** `create table <name> (…)` with one column or table constraint a line, as the migrations have always written it. */
export const createTable = (name: string, columns: string[]) =>
  `create table ${name} (\n    ${columns.join(',\n    ')}\n  )`;

/** Runs a migration's statements in order. */
export async function runStatements(db: Kysely<unknown>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/** Refreshes the planner's statistics of tables a migration has just filled. */
export async function analyze(db: Kysely<unknown>, tables: string[]): Promise<void> {
  for (const table of tables) await sql.raw(`analyze ${table}`).execute(db);
}
