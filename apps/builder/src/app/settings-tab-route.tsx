import type { ComponentType } from 'react';
import type { AppRoute, UserRole } from './route-types';

/** A page shown as a tab of the Settings page; the tab reads as the page's title unless `tab` names it. */
export function settingsTabRoute({
  path,
  title,
  tab = title,
  order,
  Page,
  roles,
}: {
  path: string;
  title: string;
  tab?: string;
  /** Where the tab stands among the settings tabs; lower first. */
  order: number;
  Page: ComponentType;
  roles?: UserRole[];
}): AppRoute {
  return { path, title, render: () => <Page />, settingsTab: { label: tab, order }, ...(roles ? { roles } : {}) };
}
