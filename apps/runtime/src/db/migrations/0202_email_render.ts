import { type Kysely, sql } from 'kysely';

/**
 * What the worker renders again just before sending a conversation email (template props and unsubscribe
 * link), so the email shows the conversation's summary and priority as they are then, not as they were
 * in the handoff transaction (the AI summary is written after it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table email_outbox add column render jsonb`.execute(db);
}
