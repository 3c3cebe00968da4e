import type { AppRoute } from '../app/route-types';
import { Icon } from '../ui/icons';
import { InboxPage } from './InboxPage';
import { NeedsAgentBadge } from './NeedsAgentBadge';
import { CannedResponsesPage } from './settings/CannedResponsesPage';
import { TeamsPage } from './settings/TeamsPage';
import './inbox.css';
import './inbox-rows.css';

/** The agents' inbox and its settings tabs, picked up by app/routes.tsx. */
export const routes: AppRoute[] = [
  {
    path: '/inbox',
    title: 'Conversations',
    render: () => <InboxPage conversationId={null} />,
    nav: {
      label: 'Conversations',
      order: 20,
      icon: <Icon name="chat" />,
      match: '/inbox/*',
      badge: () => <NeedsAgentBadge />,
    },
    fullBleed: true,
  },
  {
    path: '/inbox/:conversationId',
    title: 'Conversation',
    render: ({ conversationId }) => <InboxPage conversationId={conversationId ?? null} />,
    fullBleed: true,
  },
  {
    path: '/settings/teams',
    title: 'Teams and people',
    render: () => <TeamsPage />,
    settingsTab: { label: 'Teams & people', order: 20 },
    roles: ['admin'],
  },
  {
    path: '/settings/canned-responses',
    title: 'Canned responses',
    render: () => <CannedResponsesPage />,
    settingsTab: { label: 'Canned responses', order: 30 },
  },
];
