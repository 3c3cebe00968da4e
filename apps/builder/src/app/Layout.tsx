import type { ReactNode } from 'react';
import { Avatar } from '../profile/Avatar';
import { Icon } from '../ui/icons';
import { useMediaQuery } from '../ui/use-media-query';
import { useAuth, useUser } from './auth';
import { isNavActive, navEntries } from './resolve-route';
import type { AppRoute } from './route-types';
import { Link } from './router';

export function Layout({
  routes,
  path,
  compact = false,
  children,
}: {
  routes: AppRoute[];
  path: string;
  compact?: boolean;
  children: ReactNode;
}) {
  const user = useUser();
  const { logout } = useAuth();
  // A narrow window (a phone, a small tablet) keeps the navigation to its icons, as full-bleed pages do.
  const narrow = useMediaQuery('(max-width: 900px)');
  return (
    <div className={compact || narrow ? 'shell shell-compact' : 'shell'}>
      <nav className="sidebar" aria-label="Main">
        <Link to="/" className="brand">
          <span className="brand-mark">F</span>
          <span>Flowdesk</span>
        </Link>
        <ul className="nav-list">
          {navEntries(routes, user.role).map((route) => {
            const active = isNavActive(route, path);
            return (
              <li key={route.path}>
                <Link
                  to={route.path}
                  className={active ? 'nav-link active' : 'nav-link'}
                  aria-current={active ? 'page' : undefined}
                  title={route.nav!.label}
                >
                  {route.nav!.icon}
                  <span>{route.nav!.label}</span>
                  {route.nav!.badge?.()}
                </Link>
              </li>
            );
          })}
        </ul>
        <div className="sidebar-footer">
          <Link
            to="/settings/profile"
            className="user-chip"
            title={`${user.email} — your profile`}
            aria-label={`Your profile (${user.name})`}
          >
            <Avatar name={user.name} url={user.avatarUrl ?? null} />
            <span className="user-name">
              {user.name}
              <small>{user.role}</small>
            </span>
          </Link>
          <button
            type="button"
            className="btn btn-ghost btn-icon"
            onClick={logout}
            aria-label="Sign out"
            title="Sign out"
          >
            <Icon name="logout" />
          </button>
        </div>
      </nav>
      <main className="content">{children}</main>
    </div>
  );
}
