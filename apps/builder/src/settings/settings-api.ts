import type { SimulatedInboundEmail } from '@flowdesk/contract';
import { api } from '../api/api';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export interface TimeRange {
  start: string;
  end: string;
}
export interface Schedule {
  timezone: string;
  weekly: Partial<Record<Weekday, TimeRange[]>>;
  holidays: string[];
}
export const REPLY_BUCKETS = ['a few minutes', 'a few hours', 'within a day'] as const;
export type ReplyBucket = (typeof REPLY_BUCKETS)[number];
export type ReplyTimeSetting = { mode: 'manual'; bucket: ReplyBucket } | { mode: 'auto'; fallback: ReplyBucket };
export interface OfficeHoursSettings {
  schedule: Schedule | null;
  replyTime: ReplyTimeSetting;
  offlineWhen: { outsideHours: boolean; noAgentOnline: boolean };
}
export interface OfficePreview {
  open: boolean;
  description: string;
  closesAt: string | null;
  opensAt: string | null;
}
export interface OfficeHoursResponse {
  settings: OfficeHoursSettings | null;
  effective: OfficeHoursSettings;
  preview: OfficePreview;
  replyTime: string;
}

export type Preferences = Record<string, boolean>;
export interface NotificationSettings {
  needsAttentionTo: 'team' | 'all';
  throttleMinutes: number;
  unseenAfterMinutes: number;
  slaMinutes: number;
  transcriptOnResolve: boolean;
}

export interface MailSummary {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  readAt: string | null;
}
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';
export interface OutboxEmail {
  id: string;
  kind: string;
  to: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
  sentAt: string | null;
  conversationId: string | null;
}

const OFFICE = '/api/admin/office-hours';
const scope = (teamId: string | null) => (teamId ? `?teamId=${encodeURIComponent(teamId)}` : '');

/** The runtime's settings APIs used by the Settings tabs of this folder. */
export const settingsApi = {
  officeHours: (teamId: string | null) => api.get<OfficeHoursResponse>(`${OFFICE}${scope(teamId)}`),
  saveOfficeHours: (teamId: string | null, settings: OfficeHoursSettings) =>
    api.put<OfficeHoursResponse>(`${OFFICE}${scope(teamId)}`, settings),
  clearTeamOfficeHours: (teamId: string) => api.delete<OfficeHoursResponse>(`${OFFICE}${scope(teamId)}`),
  preview: (schedule: Schedule | null) =>
    api.post<{ preview: OfficePreview }>(`${OFFICE}/preview`, { schedule }).then((r) => r.preview),
  preferences: () => api.get<{ preferences: Preferences }>('/api/email/preferences').then((r) => r.preferences),
  savePreferences: (preferences: Preferences) =>
    api.put<{ preferences: Preferences }>('/api/email/preferences', { preferences }).then((r) => r.preferences),
  notificationSettings: () =>
    api.get<{ settings: NotificationSettings }>('/api/email/settings').then((r) => r.settings),
  saveNotificationSettings: (patch: Partial<NotificationSettings>) =>
    api.put<{ settings: NotificationSettings }>('/api/email/settings', patch).then((r) => r.settings),
  mailbox: () => api.get<{ messages: MailSummary[] }>('/api/email/mailbox?limit=100').then((r) => r.messages),
  mail: (id: string) =>
    api
      .get<{ message: MailSummary & { html: string } }>(`/api/email/mailbox/${encodeURIComponent(id)}`)
      .then((r) => r.message),
  outbox: () => api.get<{ emails: OutboxEmail[] }>('/api/email/outbox?limit=100').then((r) => r.emails),
  simulateReply: (body: SimulatedInboundEmail) =>
    api.post<{ status: string; conversationId: string | null }>('/api/email/mailbox/inbound', body),
  retry: (id: string) =>
    api.post<{ email: OutboxEmail }>(`/api/email/outbox/${encodeURIComponent(id)}/retry`).then((r) => r.email),
};
