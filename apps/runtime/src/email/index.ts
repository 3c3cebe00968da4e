/** Email notifications through the durable outbox. */
export { conversationUrl, EMAIL_API_PREFIX, type EmailContext, queueTemplate } from './compose';
export { alertsOnHandoff, sendFlowEmail } from './flow-email';
export { emailModule } from './module';
export { NotificationSettings, readNotificationSettings, writeNotificationSettings } from './notification-settings';
export {
  type AssignmentEvent,
  type MentionEvent,
  notifyAssigned,
  notifyMentioned,
  notifyNeedsAttention,
  notifyTeamAssigned,
} from './notifications';
export { type EnqueueResult, enqueueEmail, type NewEmail } from './outbox';
export { NotificationEvent, readPreferences, writePreferences } from './preferences';
export { emailRoutes } from './routes';
export { scanSlaEscalations, scanUnseenMessages } from './scans';
export type { EmailSender, OutgoingEmail, SendResult } from './senders/sender';
export { createEmailSender, type EmailService, publicUrlOf, startEmailService } from './service';
export type { EmailTables } from './tables';
export { type EmailKind, renderEmail } from './templates';
export { type FlowEmail, queueFlowEmail, queueTranscript } from './visitor-mail';
export { createEmailWorker, type EmailWorker } from './worker';
