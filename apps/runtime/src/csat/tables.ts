import type { CsatScale } from '@flowdesk/contract';
import type { ColumnType, Kysely, Selectable } from 'kysely';
import type { Database, NullableTimestamp, Timestamp } from '../db/schema';

/** Migration 0710: one survey per resolution the bot asks about, with the visitor's one rating. */
export interface CsatSurveysTable {
  id: string;
  workspace_id: string;
  bot_id: string;
  conversation_id: string;
  resolved_at: Timestamp;
  scale: CsatScale;
  /** Who held the conversation when it was resolved (the rating is theirs). */
  agent_id: string | null;
  team_id: string | null;
  score: number | null;
  comment: string | null;
  source: 'widget' | 'email' | null;
  rated_at: NullableTimestamp;
  emailed: ColumnType<boolean, boolean | undefined, boolean>;
}

export type CsatTables = { csat_surveys: CsatSurveysTable };
export type CsatSurvey = Selectable<CsatSurveysTable>;

export const csatDb = (db: Kysely<Database>) => db.$extendTables<CsatTables>() as Kysely<Database & CsatTables>;
