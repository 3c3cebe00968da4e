import {
  ChangePasswordAnswer,
  type ChangePasswordRequest,
  type InviteRequest,
  InviteResponse,
  InvitesResponse,
  NoContent,
  PasswordLinkInfo,
  PasswordResetAnswer,
  type PasswordResetRequest,
  SessionUserAnswer,
  type SetPasswordRequest,
} from '@flowdesk/contract';
import { api } from '../api/api';

const q = (token: string) => `?token=${encodeURIComponent(token)}`;

/** Invites (admins), emailed links and one's own password. Shapes from @flowdesk/contract. */
export const peopleApi = {
  invites: () => api.get('/api/admin/invites', InvitesResponse),
  invite: (body: InviteRequest) => api.post('/api/admin/invites', InviteResponse, body),
  resendInvite: (id: string) => api.post(`/api/admin/invites/${encodeURIComponent(id)}/resend`, InviteResponse),
  revokeInvite: (id: string) => api.delete(`/api/admin/invites/${encodeURIComponent(id)}`, NoContent),
  inviteInfo: (token: string) => api.get(`/api/auth/invite${q(token)}`, PasswordLinkInfo),
  acceptInvite: (body: SetPasswordRequest) => api.post('/api/auth/invite/accept', SessionUserAnswer, body),
  requestReset: (body: PasswordResetRequest) => api.post('/api/auth/password-reset', PasswordResetAnswer, body),
  resetInfo: (token: string) => api.get(`/api/auth/password-reset${q(token)}`, PasswordLinkInfo),
  finishReset: (body: SetPasswordRequest) => api.post('/api/auth/password-reset/confirm', SessionUserAnswer, body),
  changePassword: (body: ChangePasswordRequest) => api.post('/api/auth/password', ChangePasswordAnswer, body),
};
