import { useUser } from '../app/auth';
import { isNavActive, settingsTabs } from '../app/resolve-route';
import { Link, usePath } from '../app/router';
import { useAppRoutes } from '../app/routes-context';

/** Tabs of every page that declares `settingsTab` (bot & embed here; office hours, teams… from src/settings). */
export function SettingsTabs() {
  const path = usePath();
  const { role } = useUser();
  const appRoutes = useAppRoutes();
  const tabs = settingsTabs(appRoutes, role);
  if (tabs.length < 2) return null;
  return (
    <nav className="tabs" aria-label="Settings sections">
      {tabs.map((route) => {
        const active = route.path === '/settings' ? path === '/settings' : isNavActive(route, path);
        return (
          <Link
            key={route.path}
            to={route.path}
            className={active ? 'tab active' : 'tab'}
            aria-current={active ? 'page' : undefined}
          >
            {route.settingsTab!.label}
          </Link>
        );
      })}
    </nav>
  );
}
