import type { AppRoute } from '../app/route-types';
import { settingsTabRoute } from '../app/settings-tab-route';
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
  settingsTabRoute({
    path: '/settings/teams',
    title: 'Teams and people',
    tab: 'Teams & people',
    order: 20,
    Page: TeamsPage,
    roles: ['admin'],
  }),
  settingsTabRoute({
    path: '/settings/canned-responses',
    title: 'Canned responses',
    order: 30,
    Page: CannedResponsesPage,
  }),
];
