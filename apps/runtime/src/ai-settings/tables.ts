import type { ColumnType, Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema';

export interface AiSettingsTable {
  workspace_id: string;
  provider: 'offline' | 'openai';
  /** `v1.<iv>.<tag>.<ciphertext>`, AES-256-GCM under the server secret; never sent to a client. */
  api_key_cipher: string | null;
  key_hint: string | null;
  base_url: string | null;
  model: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type AiSettingsRow = Selectable<AiSettingsTable>;
export type AiSettingsDatabase = Database & { ai_settings: AiSettingsTable };
export const aiSettingsDb = (db: Kysely<Database>) => db as unknown as Kysely<AiSettingsDatabase>;

/** The workspace's stored settings row, if an admin saved one. */
export const findAiSettingsRow = (db: Kysely<Database>, workspaceId: string) =>
  aiSettingsDb(db).selectFrom('ai_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
