import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Database, Json, NullableTimestamp, Timestamp } from '../db/schema';

/** Migration 0600: a person invited by email, not a user until they set their password. */
export interface UserInvitesTable {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  role: 'admin' | 'agent';
  team_ids: Json<string[]>;
  invited_by: string | null;
  sent_at: Timestamp;
  expires_at: Timestamp;
  created_at: Generated<Date>;
}

export type PasswordLinkKind = 'invite' | 'reset';

/** Migration 0600: the hash of an emailed invite or reset link's token, used at most once. */
export interface PasswordLinksTable {
  token_hash: string;
  kind: PasswordLinkKind;
  invite_id: ColumnType<string | null, string | null | undefined, string | null>;
  user_id: ColumnType<string | null, string | null | undefined, string | null>;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: Generated<Date>;
}

export type PeopleTables = { user_invites: UserInvitesTable; password_links: PasswordLinksTable };

export function peopleDb(db: Kysely<Database>): Kysely<Database & PeopleTables> {
  return db.$extendTables<PeopleTables>() as Kysely<Database & PeopleTables>;
}
