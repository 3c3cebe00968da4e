import type { AppRoute } from '../app/route-types';
import { settingsTabRoute } from '../app/settings-tab-route';
import { AuditLogPage } from './audit/AuditLogPage';
import { MailboxPage } from './mailbox/MailboxPage';
import { NotificationsPage } from './notifications/NotificationsPage';
import { OfficeHoursPage } from './office-hours/OfficeHoursPage';
import './settings.css';

/** Settings tabs: office hours, email notifications, and the admins' mailbox/outbox and audit log. */
export const routes: AppRoute[] = [
  settingsTabRoute({
    path: '/settings/office-hours',
    title: 'Office hours',
    order: 10,
    Page: OfficeHoursPage,
    roles: ['admin'],
  }),
  settingsTabRoute({ path: '/settings/notifications', title: 'Notifications', order: 40, Page: NotificationsPage }),
  settingsTabRoute({ path: '/settings/mailbox', title: 'Mailbox', order: 50, Page: MailboxPage, roles: ['admin'] }),
  settingsTabRoute({ path: '/settings/audit', title: 'Audit log', order: 60, Page: AuditLogPage, roles: ['admin'] }),
];
