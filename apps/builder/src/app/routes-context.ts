import { createContext, useContext } from 'react';
import type { AppRoute } from './route-types';

/**
 * The dashboard's pages, provided by App. Components that list pages (the settings tabs) read them here:
 * importing app/routes instead would be an import cycle, since app/routes imports those pages.
 */
export const AppRoutesContext = createContext<readonly AppRoute[]>([]);

export const useAppRoutes = (): readonly AppRoute[] => useContext(AppRoutesContext);
