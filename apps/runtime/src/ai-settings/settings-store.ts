import type { AiSettings, UpdateAiSettingsRequest } from '@flowdesk/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Services } from '../services';
import { encryptSecret } from './cipher';
import { aiSettingsDb, findAiSettingsRow } from './tables';

type Update = z.output<typeof UpdateAiSettingsRequest>;
/** Why settings were not saved, in words, and whether the server (no secret) or the request (no key) lacks it. */
export type SaveRefusal = { problem: string; missing: 'server_secret' | 'api_key' };

/** What an admin sees of the workspace's settings: never the key, only that one is set and its last four. */
export async function readAiSettings(services: Services, workspaceId: string): Promise<AiSettings> {
  const canStoreKeys = (await services.aiSettings.serverSecret()) !== null;
  const row = await findAiSettingsRow(services.db, workspaceId);
  if (!row) {
    const server = services.aiSettings.serverSettings();
    return {
      source: 'server',
      provider: server.provider,
      keySet: server.apiKey !== null,
      keyHint: server.apiKey ? hintOf(server.apiKey) : null,
      baseUrl: server.baseUrl,
      model: server.model,
      canStoreKeys,
      updatedAt: null,
    };
  }
  return {
    source: 'workspace',
    provider: row.provider,
    keySet: row.api_key_cipher !== null,
    keyHint: row.key_hint,
    baseUrl: row.base_url,
    model: row.model,
    canStoreKeys,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

const hintOf = (key: string) => `…${key.slice(-4)}`;

/**
 * Saves the settings (a new key sealed with the server secret; no key given keeps the saved one; offline drops it)
 * and applies them on this instance at once; the others pick them up on their next refresh.
 */
export async function saveAiSettings(
  services: Services,
  workspaceId: string,
  update: Update,
): Promise<{ settings: AiSettings } | SaveRefusal> {
  const kdb = aiSettingsDb(services.db);
  let sealed: { cipher: string | null; hint: string | null } = { cipher: null, hint: null };
  if (update.provider === 'openai') {
    if (update.apiKey) {
      const secret = await services.aiSettings.serverSecret();
      if (!secret)
        return {
          problem: 'The server has no SECRET_KEY to encrypt API keys with; ask whoever runs it to set one',
          missing: 'server_secret',
        };
      sealed = { cipher: encryptSecret(secret, update.apiKey), hint: hintOf(update.apiKey) };
    } else {
      const saved = await kdb
        .selectFrom('ai_settings')
        .select(['api_key_cipher', 'key_hint'])
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      if (!saved?.api_key_cipher)
        return { problem: 'Enter an API key: none is saved for this workspace yet', missing: 'api_key' };
      sealed = { cipher: saved.api_key_cipher, hint: saved.key_hint };
    }
  }
  const values = {
    provider: update.provider,
    api_key_cipher: sealed.cipher,
    key_hint: sealed.hint,
    base_url: update.provider === 'openai' ? update.baseUrl : null,
    model: update.provider === 'openai' ? update.model : null,
    // The database's clock: every instance compares against it when it looks for changes.
    updated_at: sql<Date>`now()`,
  };
  await kdb
    .insertInto('ai_settings')
    .values({ workspace_id: workspaceId, ...values })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet(values))
    .execute();
  await services.aiSettings.reload(workspaceId);
  return { settings: await readAiSettings(services, workspaceId) };
}
