import {
  InboundAnswer,
  MailAnswer,
  MailboxAnswer,
  NotificationSettingsAnswer,
  type NotificationSettingsPatch,
  OfficeHoursResponse,
  type OfficeHoursSettings,
  OfficePreviewAnswer,
  OutboxAnswer,
  OutboxEmailAnswer,
  type Preferences,
  PreferencesAnswer,
  type PreferencesRequest,
  ReplyTimeBucket,
  type Schedule,
  type SimulatedInboundEmail,
} from '@flowdesk/contract';
import { api } from '../api/api';

/** The settings APIs' shapes live in @flowdesk/contract (the runtime documents its routes with the same schemas). */
export type {
  MailSummary,
  NotificationSettings,
  OfficeHoursResponse,
  OfficeHoursSettings,
  OfficePreview,
  OutboxEmail,
  OutboxStatus,
  Preferences,
  Schedule,
  TimeRange,
  Weekday,
} from '@flowdesk/contract';

/** Weekdays in the order the schedule editor lists them (the runtime's own order starts on Sunday). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const REPLY_BUCKETS = ReplyTimeBucket.options;
export type ReplyBucket = ReplyTimeBucket;

const OFFICE = '/api/admin/office-hours';
const scope = (teamId: string | null) => (teamId ? `?teamId=${encodeURIComponent(teamId)}` : '');

/** The runtime's settings APIs used by the Settings tabs of this folder. */
export const settingsApi = {
  officeHours: (teamId: string | null) => api.get(`${OFFICE}${scope(teamId)}`, OfficeHoursResponse),
  saveOfficeHours: (teamId: string | null, settings: OfficeHoursSettings) =>
    api.put(`${OFFICE}${scope(teamId)}`, OfficeHoursResponse, settings),
  clearTeamOfficeHours: (teamId: string) => api.delete(`${OFFICE}${scope(teamId)}`, OfficeHoursResponse),
  preview: (schedule: Schedule | null) =>
    api.post(`${OFFICE}/preview`, OfficePreviewAnswer, { schedule }).then((r) => r.preview),
  preferences: () => api.get('/api/email/preferences', PreferencesAnswer).then((r) => r.preferences),
  savePreferences: (preferences: Preferences) => {
    const body: PreferencesRequest = { preferences };
    return api.put('/api/email/preferences', PreferencesAnswer, body).then((r) => r.preferences);
  },
  notificationSettings: () => api.get('/api/email/settings', NotificationSettingsAnswer).then((r) => r.settings),
  saveNotificationSettings: (patch: NotificationSettingsPatch) =>
    api.put('/api/email/settings', NotificationSettingsAnswer, patch).then((r) => r.settings),
  mailbox: () => api.get('/api/email/mailbox?limit=100', MailboxAnswer).then((r) => r.messages),
  mail: (id: string) => api.get(`/api/email/mailbox/${encodeURIComponent(id)}`, MailAnswer).then((r) => r.message),
  outbox: () => api.get('/api/email/outbox?limit=100', OutboxAnswer).then((r) => r.emails),
  simulateReply: (body: SimulatedInboundEmail) => api.post('/api/email/mailbox/inbound', InboundAnswer, body),
  retry: (id: string) =>
    api.post(`/api/email/outbox/${encodeURIComponent(id)}/retry`, OutboxEmailAnswer).then((r) => r.email),
};
