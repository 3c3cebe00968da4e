import type { ColumnType, Kysely, Selectable } from 'kysely';
import type { Database, Timestamp } from '../db/schema';

export interface CannedResponsesTable {
  id: string;
  workspace_id: string;
  /** Typed after `/` in the reply box, e.g. `refund`. */
  shortcut: string;
  title: string;
  text: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** How far an agent has read a conversation; unread = last_seq − last_read_seq (visitor-visible messages). */
export interface ConversationReadsTable {
  conversation_id: string;
  user_id: string;
  last_read_seq: number;
  read_at: Timestamp;
}

/** Round-robin cursor: the online team member assigned least recently gets the next handoff. */
export interface AgentRoutingTable {
  user_id: string;
  last_assigned_at: Timestamp;
}

/** The column migration 0300 adds to the core `teams` table. */
export interface TeamsDefaultColumn {
  is_default: ColumnType<boolean, boolean | undefined, boolean>;
}

export type InboxTables = {
  canned_responses: CannedResponsesTable;
  conversation_reads: ConversationReadsTable;
  agent_routing: AgentRoutingTable;
};

export type InboxDatabase = Omit<Database, 'teams'> & InboxTables & { teams: Database['teams'] & TeamsDefaultColumn };
export type CannedResponse = Selectable<CannedResponsesTable>;

/** The core handle (or a transaction on it) seen with the inbox tables. */
export function inboxDb(db: Kysely<Database>): Kysely<InboxDatabase> {
  return db as unknown as Kysely<InboxDatabase>;
}
