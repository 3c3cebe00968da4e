import { z } from 'zod';
import { MAX_EMAIL_LENGTH } from './email-address';

/** Passwords people choose themselves (invite, reset, change): at least this long. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

export const NewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);

const Email = z.email('Enter a valid email address').max(MAX_EMAIL_LENGTH);
const Role = z.enum(['admin', 'agent']);
/** The signed token of an invite or reset link (the `token` query parameter of its page). */
const LinkToken = z.string().trim().min(10, 'This link is incomplete').max(2000, 'This link is not valid');

/** An admin invites a person: they get an email with a link to set their password. */
export const InviteRequest = z.object({
  email: z.string().trim().pipe(Email),
  name: z.string().trim().min(1, 'Enter a name').max(100),
  role: Role.default('agent'),
  teamIds: z.array(z.string().min(1).max(100)).max(50).default([]),
});
export type InviteRequest = z.input<typeof InviteRequest>;

/** An invite not accepted yet (accepted ones are users; revoked ones are gone). */
export const Invite = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  teamIds: z.array(z.string()),
  /** `expired`: the last link ran out; resend to send a new one. */
  status: z.enum(['invited', 'expired']),
  invitedBy: z.string().nullable(),
  /** When the last email was sent (ISO). */
  sentAt: z.string(),
  expiresAt: z.string(),
});
export type Invite = z.infer<typeof Invite>;
export const InviteResponse = z.object({ invite: Invite });
export const InvitesResponse = z.object({ invites: z.array(Invite) });

/** Why a link cannot be used, with the words its page shows. */
export const LINK_PROBLEMS = {
  link_invalid: 'This link is not valid. Check that you copied all of it, or ask for a new one.',
  link_expired: 'This link has expired. Ask for a new one.',
  link_used: 'This link was already used. Sign in, or ask for a new one.',
  link_revoked: 'This link is no longer valid: a newer one was sent, or the invitation was withdrawn.',
} as const;
export type LinkProblem = keyof typeof LINK_PROBLEMS;

export const LinkTokenQuery = z.object({ token: LinkToken });

/** What the page of a valid link shows before the password is set. */
export const PasswordLinkInfo = z.object({
  kind: z.enum(['invite', 'reset']),
  email: z.string(),
  name: z.string(),
  workspaceName: z.string(),
  expiresAt: z.string(),
});
export type PasswordLinkInfo = z.infer<typeof PasswordLinkInfo>;

/** Accept an invite or finish a reset: the link's token and the new password. */
export const SetPasswordRequest = z.object({ token: LinkToken, password: NewPassword });
export type SetPasswordRequest = z.infer<typeof SetPasswordRequest>;

/** "Forgot password?": the answer is the same whether or not the address has an account. */
export const PasswordResetRequest = z.object({ email: z.string().trim().pipe(Email) });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;
export const PasswordResetAnswer = z.object({ message: z.string() });
export const PASSWORD_RESET_SENT =
  'If an account uses this address, we sent it a link to choose a new password. It works for 1 hour.';

/** A signed-in person changes their own password (their other sessions end). */
export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1, 'Enter your current password').max(500),
  newPassword: NewPassword,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;
export const ChangePasswordAnswer = z.object({ endedSessions: z.number().int() });
