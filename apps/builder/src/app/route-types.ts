import type { ReactNode } from 'react';

export type UserRole = 'admin' | 'agent';

/**
 * One page of the dashboard. Feature folders (e.g. `src/inbox/routes.tsx`, `src/settings/routes.tsx`)
 * export `routes: AppRoute[]`; the app picks them up automatically (see app/routes.tsx).
 */
export interface AppRoute {
  /** Pattern under the app base, e.g. `/inbox/:conversationId`; a trailing `*` matches any rest. */
  path: string;
  /** Document title for the page. */
  title: string;
  render: (params: Record<string, string>) => ReactNode;
  /** Shown in the left navigation when set; lower order first. `match` marks it active for other paths. */
  nav?: { label: string; order: number; icon?: ReactNode; match?: string; badge?: () => ReactNode };
  /** Shown as a tab on the Settings page when set. */
  settingsTab?: { label: string; order: number };
  /** Roles allowed; all signed-in users when absent. */
  roles?: UserRole[];
  /** Pages that take the whole content area (the editor) set this. */
  fullBleed?: boolean;
}
