import { type Kysely, sql } from 'kysely';

/**
 * Why the conversation's current wait for a person began (`flow`, `intent`, `ai_agent`, `takeover`,
 * `reopen`), so the automatic reply time can leave out takeovers: the agent was there from the start.
 * Null for handoffs recorded before this column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table conversations add column handoff_reason text`.execute(db);
}
