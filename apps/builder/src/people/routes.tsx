import type { AppRoute } from '../app/route-types';
import { SetPasswordPage } from './SetPasswordPage';
import './people.css';

/**
 * Emailed links opened while someone is already signed in on this browser (signed out, the sign-in page shows
 * them: pages/LoginPage.tsx). Using the link signs in as its person.
 */
export const routes: AppRoute[] = [
  { path: '/accept-invite', title: 'Join your team', render: () => <SetPasswordPage kind="invite" /> },
  { path: '/reset-password', title: 'Choose a new password', render: () => <SetPasswordPage kind="reset" /> },
];
