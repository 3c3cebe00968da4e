import { matchPath } from './match-path';
import type { AppRoute, UserRole } from './route-types';

export type Resolved =
  | { kind: 'page'; route: AppRoute; params: Record<string, string> }
  | { kind: 'forbidden'; route: AppRoute }
  | { kind: 'not_found' };

/** First route whose pattern matches the path; a role outside `route.roles` gets `forbidden`. */
export function resolveRoute(routes: AppRoute[], path: string, role: UserRole): Resolved {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.roles && !route.roles.includes(role)) return { kind: 'forbidden', route };
    return { kind: 'page', route, params };
  }
  return { kind: 'not_found' };
}

/** Navigation entries for a role, in order. */
export function navEntries(routes: AppRoute[], role: UserRole): AppRoute[] {
  return routes
    .filter((route) => route.nav && (!route.roles || route.roles.includes(role)))
    .sort((a, b) => a.nav!.order - b.nav!.order);
}

export function isNavActive(route: AppRoute, path: string): boolean {
  return matchPath(route.path, path) !== null || (route.nav?.match ? matchPath(route.nav.match, path) !== null : false);
}

/** The settings tabs a role may open, in order (like the main navigation, a tab it may not open is not offered). */
export function settingsTabs(routes: readonly AppRoute[], role: UserRole): AppRoute[] {
  return routes
    .filter((route) => route.settingsTab && (!route.roles || route.roles.includes(role)))
    .sort((a, b) => a.settingsTab!.order - b.settingsTab!.order);
}

/**
 * Where a settings tab the role may not open sends it instead: the first tab it may ("/settings" is the admins' Bot &
 * embed tab; an agent lands on Your profile). Null for other routes, or when no tab is open to the role.
 */
export function allowedSettingsTab(routes: AppRoute[], refused: AppRoute, role: UserRole): string | null {
  if (!refused.settingsTab) return null;
  return settingsTabs(routes, role)[0]?.path ?? null;
}
