import type { ColumnType, Kysely } from 'kysely';
import type { ConversationUpdate, Database, Json, JsonObject, NullableJson, Timestamp } from '../db/schema';
import type { HandoffReason } from '../services/hooks';

/** One row per workspace (team_id null) and per team that overrides it. */
export interface OfficeHoursTable {
  workspace_id: string;
  team_id: string | null;
  /** Generated from team_id ('' for the workspace row); never written. */
  team_key: ColumnType<string, never, never>;
  schedule: NullableJson<JsonObject>;
  reply_time: Json<JsonObject>;
  offline_when: Json<JsonObject>;
  updated_at: Timestamp;
}

export type OfficeHoursTables = {
  office_hours: OfficeHoursTable;
};

export type OfficeHoursDatabase = Database & OfficeHoursTables;

export function officeHoursDb(db: Kysely<Database>): Kysely<OfficeHoursDatabase> {
  return db.$extendTables<OfficeHoursTables>() as Kysely<OfficeHoursDatabase>;
}

/** Why the current wait for a person began: the column migration 0203 adds to the core `conversations` table. */
export type HandoffKind = HandoffReason | 'reopen';

/** A conversation update that also records the handoff kind (the core row type does not know the column). */
export const withHandoffKind = (patch: ConversationUpdate, kind: HandoffKind): ConversationUpdate =>
  ({ ...patch, handoff_reason: kind }) as ConversationUpdate;
