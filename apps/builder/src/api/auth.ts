import type { UserRole } from '../app/route-types';
import type { ApiClient } from './client';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  workspaceId?: string;
  avatarUrl?: string | null;
}

export function fetchMe(api: ApiClient): Promise<{ user: CurrentUser }> {
  return api.get('/api/auth/me');
}

export function login(api: ApiClient, email: string, password: string): Promise<{ user: CurrentUser }> {
  return api.post('/api/auth/login', { email, password });
}

export function logout(api: ApiClient): Promise<void> {
  return api.post('/api/auth/logout');
}

/** Changes my own name and/or avatar (null or '' removes it); the runtime accepts http(s) pictures only. */
export function updateProfile(
  api: ApiClient,
  patch: { name?: string; avatarUrl?: string | null },
): Promise<{ user: CurrentUser }> {
  return api.patch('/api/auth/me', patch);
}
