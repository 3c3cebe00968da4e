import type { AppRoute } from '../app/route-types';
import { ProfilePage } from './ProfilePage';
import './profile.css';

/** Everyone's own profile (name, avatar), opened from the user chip at the bottom of the sidebar. */
export const routes: AppRoute[] = [
  {
    path: '/settings/profile',
    title: 'Your profile',
    render: () => <ProfilePage />,
    settingsTab: { label: 'Your profile', order: 5 },
  },
];
