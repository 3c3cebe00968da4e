import { lazy } from 'react';
import { BotSettingsPage } from '../bot/BotSettingsPage';
import { FlowsPage } from '../pages/FlowsPage';
import { Icon } from '../ui/icons';
import type { AppRoute } from './route-types';

// The editor (React Flow, the engine for the preview) loads only when a flow is opened.
const EditorPage = lazy(() => import('../editor/EditorPage').then((m) => ({ default: m.EditorPage })));

/** Pages this folder owns. */
const coreRoutes: AppRoute[] = [
  {
    path: '/flows',
    title: 'Flows',
    render: () => <FlowsPage />,
    nav: { label: 'Flows', order: 10, icon: <Icon name="flows" />, match: '/flows/*' },
    roles: ['admin'],
  },
  {
    path: '/flows/:flowId',
    title: 'Flow editor',
    render: ({ flowId }) => <EditorPage flowId={flowId!} />,
    roles: ['admin'],
    fullBleed: true,
  },
  {
    path: '/settings',
    title: 'Settings',
    render: () => <BotSettingsPage />,
    nav: { label: 'Settings', order: 90, icon: <Icon name="settings" />, match: '/settings/*' },
    settingsTab: { label: 'Bot & embed', order: 0 },
    roles: ['admin'],
  },
];

/**
 * Feature folders plug in by exporting `routes: AppRoute[]` from `src/<feature>/routes.tsx`
 * (e.g. src/inbox/routes.tsx adds Conversations). Their routes win over core ones with the same path.
 */
const featureModules = import.meta.glob<{ routes?: AppRoute[] }>(['../*/routes.tsx', '!../app/routes.tsx'], {
  eager: true,
});
const featureRoutes = Object.values(featureModules).flatMap((module) => module.routes ?? []);

export const appRoutes: AppRoute[] = [...featureRoutes, ...coreRoutes];

/** Where `/` sends a user of this role. */
export function homePath(role: string): string {
  const conversations = appRoutes.find((route) => route.path === '/inbox');
  return role === 'agent' && conversations ? '/inbox' : role === 'agent' ? '/settings' : '/flows';
}
