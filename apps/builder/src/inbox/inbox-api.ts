import {
  AssignAnswer,
  type AssignInput,
  type CannedInput,
  type CannedPatch,
  CannedResponseAnswer,
  CannedResponsesAnswer,
  ConversationDetail,
  HandBackAnswer,
  InboxCounts,
  type InboxFilter,
  InboxList,
  NoContent,
  NoteAnswer,
  OkAnswer,
  type Presence,
  PresenceAnswer,
  type Priority,
  PriorityAnswer,
  type ReopenInput,
  ReopenResponse,
  ReplyAnswer,
  SuggestReplyAnswer,
  SummaryAnswer,
  TeamAnswer,
  type TeamInput,
  TeammateAnswer,
  TeammatesAnswer,
  type TeamPatch,
  TeamsAnswer,
  type UserInput,
  type UserPatch,
} from '@flowdesk/contract';
import { api } from '../api/api';

/** The inbox API's shapes live in @flowdesk/contract (the runtime documents its routes with the same schemas). */
export type {
  CannedResponse,
  ConversationDetail,
  FilterCounts,
  InboxFilter,
  InboxRow,
  Presence,
  Team,
  Teammate,
  TranscriptMessage,
} from '@flowdesk/contract';

const base = '/api/inbox/conversations';
const canned = '/api/inbox/canned-responses';

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
    api.get(`${base}?filter=${filter}&limit=${limit}${q ? `&q=${encodeURIComponent(q)}` : ''}`, InboxList),
  counts: () => api.get('/api/inbox/counts', InboxCounts),
  detail: (id: string, afterSeq = 0) =>
    api.get(afterSeq > 0 ? `${at(id)}?afterSeq=${afterSeq}` : at(id), ConversationDetail),
  reply: (id: string, text: string, clientId: string) =>
    api.post(`${at(id)}/messages`, ReplyAnswer, { text, clientId }),
  note: (id: string, text: string, mentions: string[]) => api.post(`${at(id)}/notes`, NoteAnswer, { text, mentions }),
  takeOver: (id: string) => api.post(`${at(id)}/takeover`, OkAnswer),
  handBack: (id: string, blockId: string | null, end = false) =>
    api.post(`${at(id)}/handback`, HandBackAnswer, { blockId, end }),
  resolve: (id: string) => api.post(`${at(id)}/resolve`, OkAnswer),
  reopen: (id: string, input: ReopenInput = { assignToMe: true }) =>
    api.post(`${at(id)}/reopen`, ReopenResponse, input),
  setPriority: (id: string, priority: Priority | null) => api.put(`${at(id)}/priority`, PriorityAnswer, { priority }),
  assign: (id: string, change: AssignInput) => api.put(`${at(id)}/assignment`, AssignAnswer, change),
  markRead: (id: string, seq: number) => api.post(`${at(id)}/read`, NoContent, { seq }),
  regenerateSummary: (id: string) => api.post(`${at(id)}/summary`, SummaryAnswer),
  suggestReply: (id: string) => api.post(`${at(id)}/suggest-reply`, SuggestReplyAnswer),
  teammates: () => api.get('/api/inbox/teammates', TeammatesAnswer),
  teams: () => api.get('/api/inbox/teams', TeamsAnswer),
  setPresence: (status: Presence) => api.put('/api/inbox/presence', PresenceAnswer, { status }),
  canned: () => api.get(canned, CannedResponsesAnswer),
  createCanned: (input: CannedInput) => api.post(canned, CannedResponseAnswer, input),
  updateCanned: (id: string, input: CannedPatch) =>
    api.patch(`${canned}/${encodeURIComponent(id)}`, CannedResponseAnswer, input),
  deleteCanned: (id: string) => api.delete(`${canned}/${encodeURIComponent(id)}`, NoContent),
};

/** Admin-only: people and teams. */
export const teamAdminApi = {
  users: () => api.get('/api/admin/users', TeammatesAnswer),
  createUser: (input: UserInput) => api.post('/api/admin/users', TeammateAnswer, input),
  updateUser: (id: string, input: UserPatch) =>
    api.patch(`/api/admin/users/${encodeURIComponent(id)}`, TeammateAnswer, input),
  deleteUser: (id: string) => api.delete(`/api/admin/users/${encodeURIComponent(id)}`, NoContent),
  createTeam: (input: TeamInput) => api.post('/api/admin/teams', TeamAnswer, input),
  updateTeam: (id: string, input: TeamPatch) =>
    api.patch(`/api/admin/teams/${encodeURIComponent(id)}`, TeamAnswer, input),
  deleteTeam: (id: string) => api.delete(`/api/admin/teams/${encodeURIComponent(id)}`, NoContent),
};
