import type { Kysely } from 'kysely';
import { createTable, runStatements, UPDATED_AT } from '../ddl';

/**
 * AI settings per workspace (issue 22 item 4): the provider, its endpoint and model, and the API key encrypted with
 * the server's secret (AES-256-GCM; see ai-settings/cipher.ts). No row: the runtime's environment decides.
 */
const statements = [
  createTable('ai_settings', [
    'workspace_id text primary key references workspaces(id) on delete cascade',
    "provider text not null check (provider in ('offline', 'openai'))",
    'api_key_cipher text',
    'key_hint text',
    'base_url text',
    'model text',
    UPDATED_AT,
  ]),
  'create index ai_settings_updated_idx on ai_settings (updated_at)',
];

export const up = (db: Kysely<unknown>) => runStatements(db, statements);
