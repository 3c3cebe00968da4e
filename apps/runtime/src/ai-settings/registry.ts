import type { Kysely } from 'kysely';
import { type AiLogger, createAiProvider } from '../ai';
import type { AiProvider } from '../ai/provider';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import { decryptSecret } from './cipher';
import { resolveServerSecret } from './server-secret';
import { type AiSettingsRow, aiSettingsDb, findAiSettingsRow } from './tables';

/** What a workspace's provider is built from: its saved settings, or the server's environment. */
export interface ResolvedAiSettings {
  source: 'workspace' | 'server';
  provider: 'offline' | 'openai';
  apiKey: string | null;
  baseUrl: string | null;
  model: string | null;
}

const REFRESH_OVERLAP_MS = 60_000;
/** How often every instance looks for settings saved elsewhere. */
export const AI_SETTINGS_REFRESH_MS = 3_000;

interface Entry {
  updatedAt: number;
  settings: ResolvedAiSettings;
  provider: AiProvider;
}

/**
 * Each workspace's AI provider, built once from its saved settings and kept in memory so a conversation step picks
 * it without a query. `refresh()` reloads the rows changed since the last look (every instance runs it every few
 * seconds, so a change saved on one instance applies on all without a restart); `reload(id)` applies a local save
 * at once. A workspace with no row uses the server's provider (OPENAI_API_KEY… or offline).
 */
export class AiSettingsRegistry {
  private readonly entries = new Map<string, Entry>();
  private lastSeen = 0;
  private secret: Promise<string | null> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly config: Config,
    readonly serverProvider: AiProvider,
    private readonly logger?: AiLogger,
  ) {}

  /** The provider for this workspace's AI calls. */
  providerFor(workspaceId: string): AiProvider {
    return this.entries.get(workspaceId)?.provider ?? this.serverProvider;
  }

  settingsFor(workspaceId: string): ResolvedAiSettings {
    return this.entries.get(workspaceId)?.settings ?? this.serverSettings();
  }

  serverSettings(): ResolvedAiSettings {
    const apiKey = this.config.OPENAI_API_KEY ?? null;
    return {
      source: 'server',
      provider: apiKey ? 'openai' : 'offline',
      apiKey,
      baseUrl: this.config.OPENAI_BASE_URL ?? null,
      model: apiKey ? this.config.OPENAI_MODEL : null,
    };
  }

  /** The server secret sealing saved keys (null: keys cannot be saved, see resolveServerSecret). */
  serverSecret(): Promise<string | null> {
    this.secret ??= resolveServerSecret(this.config);
    return this.secret;
  }

  /**
   * Loads the rows changed since the last call (all of them the first time). The look-back overlaps by a minute: a
   * save stamped just before another but committed just after it is still seen; rows already applied are skipped.
   */
  async refresh() {
    const rows = await aiSettingsDb(this.db)
      .selectFrom('ai_settings')
      .selectAll()
      .where('updated_at', '>', new Date(this.lastSeen - REFRESH_OVERLAP_MS))
      .execute();
    for (const row of rows) await this.apply(row);
  }

  /** Applies one workspace's row now (after this instance saved it). */
  async reload(workspaceId: string) {
    const row = await findAiSettingsRow(this.db, workspaceId);
    if (row) await this.apply(row);
    else this.entries.delete(workspaceId);
  }

  private async apply(row: AiSettingsRow) {
    const updatedAt = new Date(row.updated_at).getTime();
    this.lastSeen = Math.max(this.lastSeen, updatedAt);
    const known = this.entries.get(row.workspace_id);
    if (known && known.updatedAt >= updatedAt) return;
    const secret = await this.serverSecret();
    const apiKey = row.api_key_cipher && secret ? decryptSecret(secret, row.api_key_cipher) : null;
    if (row.provider === 'openai' && !apiKey)
      this.logger?.warn({ workspaceId: row.workspace_id }, 'saved AI key cannot be read with this server secret');
    const settings: ResolvedAiSettings = {
      source: 'workspace',
      provider: row.provider === 'openai' && apiKey ? 'openai' : 'offline',
      apiKey,
      baseUrl: row.base_url,
      model: row.model,
    };
    const provider =
      settings.provider === 'openai'
        ? createAiProvider(
            {
              apiKey: apiKey ?? undefined,
              baseUrl: row.base_url ?? undefined,
              model: row.model ?? undefined,
              timeoutMs: this.config.AI_TIMEOUT_MS,
            },
            this.logger,
          )
        : createAiProvider({}, this.logger);
    this.entries.set(row.workspace_id, { updatedAt, settings, provider });
  }
}
