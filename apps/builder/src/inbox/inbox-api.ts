import type {
  ConversationStatus,
  FollowUp,
  HandBackTarget,
  HandoffSummary,
  Message,
  Priority,
  ReopenInput,
  ReopenResponse,
} from '@flowdesk/contract';
import { api } from '../api/api';

export type InboxFilter = 'needs_agent' | 'mine' | 'my_teams' | 'unassigned' | 'all' | 'resolved';
export type Presence = 'online' | 'away' | 'offline';

export interface InboxRow {
  id: string;
  status: ConversationStatus;
  priority: Priority | null;
  priorityReason: string | null;
  summary: string | null;
  /** The structured AI summary; null before it is written (or from an older version: `summary` then). */
  summaryData: HandoffSummary | null;
  /** Set while it waits for follow-up: nobody was available when the visitor asked for a person. */
  followUp: FollowUp | null;
  visitor: { name: string | null; email: string | null };
  assignee: { id: string; name: string } | null;
  team: { id: string; name: string } | null;
  lastMessage: { author: string; authorName: string | null; text: string; createdAt: string } | null;
  lastSeq: number;
  unread: number;
  waitingSince: string | null;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type FilterCounts = Record<InboxFilter, number>;

export type TranscriptMessage = Message & { internal: boolean };

export interface ConversationDetail {
  conversation: {
    id: string;
    status: ConversationStatus;
    priority: Priority | null;
    priorityReason: string | null;
    summary: string | null;
    summaryData: HandoffSummary | null;
    followUp: FollowUp | null;
    lastSeq: number;
    /** The bot waits for an HTTP call or an AI answer (when the runtime says; conversation frames always do). */
    working?: boolean;
    unread: number;
    assignee: { id: string; name: string; avatarUrl: string | null; presence: Presence } | null;
    team: { id: string; name: string } | null;
    bot: { id: string; name: string };
    variables: Record<string, unknown>;
    handedOffAt: string | null;
    firstResponseAt: string | null;
    resolvedAt: string | null;
    createdAt: string;
  };
  visitor: {
    id: string;
    name: string | null;
    email: string | null;
    pageUrl: string | null;
    userAgent: string | null;
    locale: string | null;
    variables: Record<string, unknown>;
    firstSeenAt: string;
    lastSeenAt: string;
  };
  messages: TranscriptMessage[];
  handBackTargets: HandBackTarget[];
}

export interface Teammate {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'agent';
  presence: Presence;
  avatarUrl: string | null;
}

export interface Team {
  id: string;
  name: string;
  isDefault: boolean;
  memberIds: string[];
}

export interface CannedResponse {
  id: string;
  shortcut: string;
  title: string;
  text: string;
}

const base = '/api/inbox/conversations';

/** How an anonymous visitor is told apart: name, else email, else "Visitor" and a short tag from the id. */
export function visitorLabel(visitor: { name: string | null; email: string | null }, conversationId: string): string {
  return (
    visitor.name ??
    visitor.email ??
    `Visitor ${conversationId
      .replace(/[^a-z0-9]/gi, '')
      .slice(-4)
      .toUpperCase()}`
  );
}
const at = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** Every inbox call the dashboard makes. */
export const inboxApi = {
  list: (filter: InboxFilter, q: string, limit: number) =>
    api.get<{ conversations: InboxRow[]; counts: FilterCounts; unread: number }>(
      `${base}?filter=${filter}&limit=${limit}${q ? `&q=${encodeURIComponent(q)}` : ''}`,
    ),
  counts: () => api.get<{ counts: FilterCounts; unread: number }>('/api/inbox/counts'),
  detail: (id: string, afterSeq = 0) =>
    api.get<ConversationDetail>(afterSeq > 0 ? `${at(id)}?afterSeq=${afterSeq}` : at(id)),
  reply: (id: string, text: string, clientId: string) =>
    api.post<{ message: Message }>(`${at(id)}/messages`, { text, clientId }),
  note: (id: string, text: string, mentions: string[]) =>
    api.post<{ note: TranscriptMessage }>(`${at(id)}/notes`, { text, mentions }),
  takeOver: (id: string) => api.post(`${at(id)}/takeover`),
  handBack: (id: string, blockId: string | null, end = false) => api.post(`${at(id)}/handback`, { blockId, end }),
  resolve: (id: string) => api.post(`${at(id)}/resolve`),
  reopen: (id: string, input: ReopenInput = { assignToMe: true }) =>
    api.post<ReopenResponse>(`${at(id)}/reopen`, input),
  setPriority: (id: string, priority: Priority | null) => api.put(`${at(id)}/priority`, { priority }),
  assign: (id: string, change: { assigneeId?: string | null; teamId?: string | null }) =>
    api.put(`${at(id)}/assignment`, change),
  markRead: (id: string, seq: number) => api.post(`${at(id)}/read`, { seq }),
  regenerateSummary: (id: string) => api.post<{ summary: string | null }>(`${at(id)}/summary`),
  suggestReply: (id: string) => api.post<{ reply: string; provider: string }>(`${at(id)}/suggest-reply`),
  teammates: () => api.get<{ users: Teammate[] }>('/api/inbox/teammates'),
  teams: () => api.get<{ teams: Team[] }>('/api/inbox/teams'),
  setPresence: (status: Presence) => api.put<{ status: Presence }>('/api/inbox/presence', { status }),
  canned: () => api.get<{ cannedResponses: CannedResponse[] }>('/api/inbox/canned-responses'),
  createCanned: (input: Omit<CannedResponse, 'id'>) =>
    api.post<{ cannedResponse: CannedResponse }>('/api/inbox/canned-responses', input),
  updateCanned: (id: string, input: Partial<Omit<CannedResponse, 'id'>>) =>
    api.patch<{ cannedResponse: CannedResponse }>(`/api/inbox/canned-responses/${encodeURIComponent(id)}`, input),
  deleteCanned: (id: string) => api.delete(`/api/inbox/canned-responses/${encodeURIComponent(id)}`),
};

/** Admin-only: people and teams. */
export const teamAdminApi = {
  users: () => api.get<{ users: Teammate[] }>('/api/admin/users'),
  createUser: (input: { email: string; name: string; password: string; role: 'admin' | 'agent' }) =>
    api.post<{ user: Teammate }>('/api/admin/users', input),
  updateUser: (id: string, input: { name?: string; role?: 'admin' | 'agent'; password?: string }) =>
    api.patch<{ user: Teammate }>(`/api/admin/users/${encodeURIComponent(id)}`, input),
  deleteUser: (id: string) => api.delete(`/api/admin/users/${encodeURIComponent(id)}`),
  createTeam: (input: { name: string; memberIds: string[]; isDefault: boolean }) =>
    api.post<{ team: Team }>('/api/admin/teams', input),
  updateTeam: (id: string, input: Partial<{ name: string; memberIds: string[]; isDefault: boolean }>) =>
    api.patch<{ team: Team }>(`/api/admin/teams/${encodeURIComponent(id)}`, input),
  deleteTeam: (id: string) => api.delete(`/api/admin/teams/${encodeURIComponent(id)}`),
};
