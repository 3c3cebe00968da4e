import type { SimulatedInboundEmail } from '@flowdesk/contract';
import { uncheckedResponse } from '@flowdesk/contract';
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
  officeHours: (teamId: string | null) =>
    api.get(`${OFFICE}${scope(teamId)}`, uncheckedResponse<OfficeHoursResponse>()),
  saveOfficeHours: (teamId: string | null, settings: OfficeHoursSettings) =>
    api.put(`${OFFICE}${scope(teamId)}`, uncheckedResponse<OfficeHoursResponse>(), settings),
  clearTeamOfficeHours: (teamId: string) =>
    api.delete(`${OFFICE}${scope(teamId)}`, uncheckedResponse<OfficeHoursResponse>()),
  preview: (schedule: Schedule | null) =>
    api.post(`${OFFICE}/preview`, uncheckedResponse<{ preview: OfficePreview }>(), { schedule }).then((r) => r.preview),
  preferences: () =>
    api.get('/api/email/preferences', uncheckedResponse<{ preferences: Preferences }>()).then((r) => r.preferences),
  savePreferences: (preferences: Preferences) =>
    api
      .put('/api/email/preferences', uncheckedResponse<{ preferences: Preferences }>(), { preferences })
      .then((r) => r.preferences),
  notificationSettings: () =>
    api.get('/api/email/settings', uncheckedResponse<{ settings: NotificationSettings }>()).then((r) => r.settings),
  saveNotificationSettings: (patch: Partial<NotificationSettings>) =>
    api
      .put('/api/email/settings', uncheckedResponse<{ settings: NotificationSettings }>(), patch)
      .then((r) => r.settings),
  mailbox: () =>
    api.get('/api/email/mailbox?limit=100', uncheckedResponse<{ messages: MailSummary[] }>()).then((r) => r.messages),
  mail: (id: string) =>
    api
      .get(
        `/api/email/mailbox/${encodeURIComponent(id)}`,
        uncheckedResponse<{ message: MailSummary & { html: string } }>(),
      )
      .then((r) => r.message),
  outbox: () =>
    api.get('/api/email/outbox?limit=100', uncheckedResponse<{ emails: OutboxEmail[] }>()).then((r) => r.emails),
  simulateReply: (body: SimulatedInboundEmail) =>
    api.post(
      '/api/email/mailbox/inbound',
      uncheckedResponse<{ status: string; conversationId: string | null }>(),
      body,
    ),
  retry: (id: string) =>
    api
      .post(`/api/email/outbox/${encodeURIComponent(id)}/retry`, uncheckedResponse<{ email: OutboxEmail }>())
      .then((r) => r.email),
};
