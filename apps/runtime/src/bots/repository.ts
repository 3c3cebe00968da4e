import { DEFAULT_POSITION, DEFAULT_PRIMARY_COLOR } from '@flowdesk/contract/theme';
import type { Kysely, Selectable } from 'kysely';
import type { Bot, BotSettings, BotsTable, Database } from '../db/schema';
import { newId } from '../services/secrets';

/** The product's one default theme (the widget and the dashboard use the same constants). */
export const DEFAULT_THEME = { primaryColor: DEFAULT_PRIMARY_COLOR, position: DEFAULT_POSITION };

export interface BotJson {
  id: string;
  workspaceId: string;
  name: string;
  allowedOrigins: string[];
  settings: BotSettings;
  flowId: string | null;
  createdAt: string;
  updatedAt: string;
}

export const toBotJson = (bot: Selectable<BotsTable>): BotJson => ({
  id: bot.id,
  workspaceId: bot.workspace_id,
  name: bot.name,
  allowedOrigins: bot.allowed_origins,
  settings: bot.settings,
  flowId: bot.flow_id,
  createdAt: bot.created_at.toISOString(),
  updatedAt: bot.updated_at.toISOString(),
});

export function listBots(db: Kysely<Database>, workspaceId: string) {
  return db.selectFrom('bots').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').execute();
}

/** A bot of the given workspace (undefined for other workspaces' bots). */
export function findWorkspaceBot(db: Kysely<Database>, workspaceId: string, id: string) {
  return db
    .selectFrom('bots')
    .selectAll()
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
}

/** Any bot by id (public widget API). */
export function findBotById(db: Kysely<Database>, id: string): Promise<Bot | undefined> {
  return db.selectFrom('bots').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface NewBotInput {
  id?: string;
  workspaceId: string;
  name: string;
  allowedOrigins?: string[];
  settings?: BotSettings;
}

export function createBot(db: Kysely<Database>, input: NewBotInput) {
  return db
    .insertInto('bots')
    .values({
      id: input.id ?? newId(),
      workspace_id: input.workspaceId,
      name: input.name,
      allowed_origins: JSON.stringify(input.allowedOrigins ?? ['*']),
      settings: JSON.stringify(input.settings ?? { theme: DEFAULT_THEME, strings: {} }),
      flow_id: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface BotPatch {
  name?: string;
  allowedOrigins?: string[];
  settings?: BotSettings;
  flowId?: string | null;
}

export function updateBot(db: Kysely<Database>, id: string, patch: BotPatch) {
  return db
    .updateTable('bots')
    .set({
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.allowedOrigins === undefined ? {} : { allowed_origins: JSON.stringify(patch.allowedOrigins) }),
      ...(patch.settings === undefined ? {} : { settings: JSON.stringify(patch.settings) }),
      ...(patch.flowId === undefined ? {} : { flow_id: patch.flowId }),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
