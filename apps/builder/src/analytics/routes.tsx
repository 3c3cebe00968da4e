import { lazy } from 'react';
import type { AppRoute } from '../app/route-types';
import { Icon } from '../ui/icons';

// The charts (recharts) load only when the page is opened.
const AnalyticsPage = lazy(() => import('./AnalyticsPage').then((m) => ({ default: m.AnalyticsPage })));

/** The admins' Analytics page, picked up by app/routes.tsx. Agents opening the URL get "Not available for your role". */
export const routes: AppRoute[] = [
  {
    path: '/analytics',
    title: 'Analytics',
    render: () => <AnalyticsPage />,
    nav: { label: 'Analytics', order: 30, icon: <Icon name="chart" /> },
    roles: ['admin'],
  },
];
