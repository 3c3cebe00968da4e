import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A timestamptz column: read as Date, written as Date or ISO string, defaulting to now(). */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A jsonb column holding T. pg and PGlite both parse jsonb; writes go through JSON.stringify. */
export type Json<T> = ColumnType<T, string, string>;
/** A jsonb column with a database default, so inserts may leave it out. */
export type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;
export type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

export type JsonObject = Record<string, unknown>;
export type ConversationStatusColumn = 'bot' | 'needs_agent' | 'agent' | 'resolved';
/** How the visitor reaches the conversation now (migration 0720): the widget, another API client, or email. */
export type ConversationChannelColumn = 'widget' | 'api' | 'email';
export type PriorityColumn = 'low' | 'medium' | 'high' | 'urgent';
export type AuthorKindColumn = 'visitor' | 'bot' | 'agent' | 'system';
export type UserRole = 'admin' | 'agent';
export type Presence = 'online' | 'away' | 'offline';

export interface WorkspacesTable {
  id: string;
  name: string;
  settings: JsonWithDefault<JsonObject>;
  created_at: Timestamp;
}

export interface BotSettings {
  theme?: { primaryColor?: string; position?: 'left' | 'right' };
  strings?: Record<string, string>;
  [key: string]: unknown;
}

export interface BotsTable {
  id: string;
  workspace_id: string;
  name: string;
  /** Origins the widget may be embedded on; `*` allows any. */
  allowed_origins: JsonWithDefault<string[]>;
  settings: JsonWithDefault<BotSettings>;
  /** The flow whose latest published version new conversations run. */
  flow_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FlowsTable {
  id: string;
  bot_id: string;
  name: string;
  draft: Json<JsonObject>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface FlowVersionsTable {
  id: string;
  flow_id: string;
  number: number;
  document: Json<JsonObject>;
  note: string | null;
  published_by: string | null;
  created_at: Timestamp;
}

export interface VisitorsTable {
  id: string;
  bot_id: string;
  token_hash: string;
  name: string | null;
  email: string | null;
  variables: JsonWithDefault<Record<string, string | number | boolean>>;
  page_url: string | null;
  user_agent: string | null;
  locale: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface ConversationsTable {
  id: string;
  workspace_id: string;
  bot_id: string;
  visitor_id: string;
  flow_version_id: string | null;
  status: Generated<ConversationStatusColumn>;
  priority: PriorityColumn | null;
  priority_reason: string | null;
  summary: string | null;
  assignee_id: string | null;
  team_id: string | null;
  /** The engine's persisted snapshot; null before the first step. */
  engine_snapshot: NullableJson<unknown>;
  /** The last prompt the bot is waiting on (a MessageContent), shown by the widget. */
  awaiting: NullableJson<JsonObject>;
  variables: JsonWithDefault<JsonObject>;
  /** Engine inputs (visitor messages) that arrived while the bot waited for an external effect, in order. */
  queued_inputs: JsonWithDefault<unknown[]>;
  last_seq: Generated<number>;
  handed_off_at: NullableTimestamp;
  first_response_at: NullableTimestamp;
  resolved_at: NullableTimestamp;
  /** Waiting for follow-up (migration 0500): set on a needs_agent conversation nobody was there to take. */
  follow_up_since: NullableTimestamp;
  follow_up_reason: string | null;
  /** The reply time promised to the visitor when it entered the follow-up queue. */
  reply_due_at: NullableTimestamp;
  /** The structured AI summary (HandoffSummary of @flowdesk/contract); `summary` is its text. */
  summary_data: NullableJson<JsonObject>;
  channel: Generated<ConversationChannelColumn>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An external call a flow waits for (see migration 0400). */
export interface PendingEffectsTable {
  id: string;
  conversation_id: string;
  workspace_id: string;
  kind: string;
  request: Json<JsonObject>;
  deadline_at: Timestamp;
  lease_until: Timestamp;
  attempts: Generated<number>;
  created_at: Generated<Date>;
}

export interface MessagesTable {
  id: string;
  conversation_id: string;
  seq: number;
  author_kind: AuthorKindColumn;
  author_id: string | null;
  author_name: string | null;
  type: string;
  payload: Json<JsonObject>;
  client_id: string | null;
  internal: Generated<boolean>;
  created_at: Timestamp;
}

export interface EventsTable {
  id: Generated<string>;
  workspace_id: string | null;
  actor_kind: 'user' | 'visitor' | 'system' | 'bot';
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  data: JsonWithDefault<JsonObject>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  password_hash: string;
  role: UserRole;
  avatar_url: string | null;
  presence: Generated<Presence>;
  created_at: Timestamp;
}

export interface TeamsTable {
  id: string;
  workspace_id: string;
  name: string;
  created_at: Timestamp;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

/** Core tables. Other areas (email, office hours, inbox) extend this with their own interfaces. */
export interface Database {
  workspaces: WorkspacesTable;
  bots: BotsTable;
  flows: FlowsTable;
  flow_versions: FlowVersionsTable;
  visitors: VisitorsTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  pending_effects: PendingEffectsTable;
  events: EventsTable;
  users: UsersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
}

export type Bot = Selectable<BotsTable>;
export type Flow = Selectable<FlowsTable>;
export type FlowVersion = Selectable<FlowVersionsTable>;
export type Visitor = Selectable<VisitorsTable>;
export type Conversation = Selectable<ConversationsTable>;
export type ConversationUpdate = Updateable<ConversationsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type PendingEffectRow = Selectable<PendingEffectsTable>;
export type NewMessage = Insertable<MessagesTable>;
export type User = Selectable<UsersTable>;
export type Team = Selectable<TeamsTable>;
