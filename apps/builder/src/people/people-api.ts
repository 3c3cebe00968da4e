import type {
  ChangePasswordRequest,
  Invite,
  InviteRequest,
  PasswordLinkInfo,
  PasswordResetRequest,
  SetPasswordRequest,
} from '@flowdesk/contract';
import { api } from '../api/api';
import type { CurrentUser } from '../api/auth';

const q = (token: string) => `?token=${encodeURIComponent(token)}`;

/** Invites (admins), emailed links and one's own password. Shapes from @flowdesk/contract. */
export const peopleApi = {
  invites: () => api.get<{ invites: Invite[] }>('/api/admin/invites'),
  invite: (body: InviteRequest) => api.post<{ invite: Invite }>('/api/admin/invites', body),
  resendInvite: (id: string) => api.post<{ invite: Invite }>(`/api/admin/invites/${encodeURIComponent(id)}/resend`),
  revokeInvite: (id: string) => api.delete<void>(`/api/admin/invites/${encodeURIComponent(id)}`),
  inviteInfo: (token: string) => api.get<PasswordLinkInfo>(`/api/auth/invite${q(token)}`),
  acceptInvite: (body: SetPasswordRequest) => api.post<{ user: CurrentUser }>('/api/auth/invite/accept', body),
  requestReset: (body: PasswordResetRequest) => api.post<{ message: string }>('/api/auth/password-reset', body),
  resetInfo: (token: string) => api.get<PasswordLinkInfo>(`/api/auth/password-reset${q(token)}`),
  finishReset: (body: SetPasswordRequest) => api.post<{ user: CurrentUser }>('/api/auth/password-reset/confirm', body),
  changePassword: (body: ChangePasswordRequest) => api.post<{ endedSessions: number }>('/api/auth/password', body),
};
