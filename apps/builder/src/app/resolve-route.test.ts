import { describe, expect, test } from 'vitest';
import { allowedSettingsTab, isNavActive, navEntries, resolveRoute } from './resolve-route';
import type { AppRoute } from './route-types';

const page = () => null;
const routes: AppRoute[] = [
  { path: '/inbox', title: 'Inbox', render: page, nav: { label: 'Conversations', order: 20 } },
  {
    path: '/flows',
    title: 'Flows',
    render: page,
    nav: { label: 'Flows', order: 10, match: '/flows/*' },
    roles: ['admin'],
  },
  { path: '/flows/:flowId', title: 'Editor', render: page, roles: ['admin'] },
];

describe('resolveRoute', () => {
  test('finds the page and its params', () => {
    const resolved = resolveRoute(routes, '/flows/f1', 'admin');
    expect(resolved).toMatchObject({ kind: 'page', params: { flowId: 'f1' } });
  });

  test('an agent is refused admin pages', () => {
    expect(resolveRoute(routes, '/flows', 'agent').kind).toBe('forbidden');
    expect(resolveRoute(routes, '/inbox', 'agent').kind).toBe('page');
  });

  test('unknown paths are not found', () => {
    expect(resolveRoute(routes, '/nope', 'admin').kind).toBe('not_found');
  });
});

test('navEntries orders by nav.order and filters by role', () => {
  expect(navEntries(routes, 'admin').map((r) => r.nav!.label)).toEqual(['Flows', 'Conversations']);
  expect(navEntries(routes, 'agent').map((r) => r.nav!.label)).toEqual(['Conversations']);
});

test('a nav entry is active on its sub pages', () => {
  expect(isNavActive(routes[1]!, '/flows/abc')).toBe(true);
  expect(isNavActive(routes[1]!, '/inbox')).toBe(false);
});

test('a settings tab the role may not open sends it to the first tab it may', () => {
  const tab = (path: string, order: number, roles?: Array<'admin' | 'agent'>) => ({
    path,
    title: path,
    render: page,
    settingsTab: { label: path, order },
    ...(roles ? { roles } : {}),
  });
  const settings = [tab('/settings', 0, ['admin']), tab('/settings/teams', 20, ['admin']), tab('/settings/profile', 5)];
  expect(allowedSettingsTab(settings, settings[0]!, 'agent')).toBe('/settings/profile');
  expect(allowedSettingsTab(settings, settings[1]!, 'agent')).toBe('/settings/profile');
  expect(allowedSettingsTab(routes, routes[1]!, 'agent')).toBeNull();
});
