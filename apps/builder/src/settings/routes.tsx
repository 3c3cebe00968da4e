import type { AppRoute } from '../app/route-types';
import { AuditLogPage } from './audit/AuditLogPage';
import { MailboxPage } from './mailbox/MailboxPage';
import { NotificationsPage } from './notifications/NotificationsPage';
import { OfficeHoursPage } from './office-hours/OfficeHoursPage';
import './settings.css';

/** Settings tabs: office hours, email notifications, and the admins' mailbox/outbox and audit log. */
export const routes: AppRoute[] = [
  {
    path: '/settings/office-hours',
    title: 'Office hours',
    render: () => <OfficeHoursPage />,
    settingsTab: { label: 'Office hours', order: 10 },
    roles: ['admin'],
  },
  {
    path: '/settings/notifications',
    title: 'Notifications',
    render: () => <NotificationsPage />,
    settingsTab: { label: 'Notifications', order: 40 },
  },
  {
    path: '/settings/mailbox',
    title: 'Mailbox',
    render: () => <MailboxPage />,
    settingsTab: { label: 'Mailbox', order: 50 },
    roles: ['admin'],
  },
  {
    path: '/settings/audit',
    title: 'Audit log',
    render: () => <AuditLogPage />,
    settingsTab: { label: 'Audit log', order: 60 },
    roles: ['admin'],
  },
];
