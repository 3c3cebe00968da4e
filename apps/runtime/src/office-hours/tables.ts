import type { ColumnType, Kysely } from 'kysely';
import type { Database, Json, JsonObject, NullableJson, Timestamp } from '../db/schema';

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
