import type { AppRoute } from '../app/route-types';
import { AiSettingsPage } from './AiSettingsPage';

/** Settings tab showing the active AI provider. */
export const routes: AppRoute[] = [
  {
    path: '/settings/ai',
    title: 'AI',
    render: () => <AiSettingsPage />,
    settingsTab: { label: 'AI', order: 30 },
    roles: ['admin'],
  },
];
