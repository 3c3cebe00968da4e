import type { AppRoute } from '../app/route-types';
import { settingsTabRoute } from '../app/settings-tab-route';
import { ProfilePage } from './ProfilePage';
import './profile.css';

/** Everyone's own profile (name, avatar), opened from the user chip at the bottom of the sidebar. */
export const routes: AppRoute[] = [
  settingsTabRoute({ path: '/settings/profile', title: 'Your profile', order: 5, Page: ProfilePage }),
];
