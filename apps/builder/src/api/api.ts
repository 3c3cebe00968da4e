import { createApiClient } from './client';

/** Fired on any 401 so the auth state returns to the login page. */
export const UNAUTHORIZED_EVENT = 'flowdesk:unauthorized';

/** The dashboard's shared client (same origin as the runtime that serves it). */
export const api = createApiClient({
  onUnauthorized: () => window.dispatchEvent(new Event(UNAUTHORIZED_EVENT)),
});
