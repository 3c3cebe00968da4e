import { type Kysely, sql } from 'kysely';

/**
 * AI settings per workspace (issue 22 item 4): the provider, its endpoint and model, and the API key encrypted with
 * the server's secret (AES-256-GCM; see ai-settings/cipher.ts). No row: the runtime's environment decides.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table ai_settings (
    workspace_id text primary key references workspaces(id) on delete cascade,
    provider text not null check (provider in ('offline', 'openai')),
    api_key_cipher text,
    key_hint text,
    base_url text,
    model text,
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index ai_settings_updated_idx on ai_settings (updated_at)`.execute(db);
}
