import { type LoginRequest, NoContent, type ProfilePatch, SessionUserAnswer } from '@flowdesk/contract';
import type { ApiClient } from './client';

/** The signed-in person; the shape lives in @flowdesk/contract (SessionUser). */
export type { SessionUser as CurrentUser } from '@flowdesk/contract';

export function fetchMe(api: ApiClient) {
  return api.get('/api/auth/me', SessionUserAnswer);
}

export function login(api: ApiClient, email: string, password: string) {
  const body: LoginRequest = { email, password };
  return api.post('/api/auth/login', SessionUserAnswer, body);
}

export function logout(api: ApiClient): Promise<void> {
  return api.post('/api/auth/logout', NoContent);
}

/** Changes my own name and/or avatar (null or '' removes it); the runtime accepts http(s) pictures only. */
export function updateProfile(api: ApiClient, patch: ProfilePatch) {
  return api.patch('/api/auth/me', SessionUserAnswer, patch);
}
