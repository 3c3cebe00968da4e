import type { AppRoute } from '../app/route-types';
import { settingsTabRoute } from '../app/settings-tab-route';
import { AiSettingsPage } from './AiSettingsPage';

/** Settings tab showing the active AI provider. */
export const routes: AppRoute[] = [
  settingsTabRoute({ path: '/settings/ai', title: 'AI', order: 30, Page: AiSettingsPage, roles: ['admin'] }),
];
