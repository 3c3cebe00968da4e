import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { kickEmailWorker, publicUrlOf } from '../email/service';
import { ValidationError } from '../errors';
import { revoke } from '../realtime/revocations';
import type { Services } from '../services';
import { hashPassword, verifyPassword } from '../services/secrets';
import { queueResetEmail, RESET_PAGE } from './emails';
import { describeLink, linkError, requireLink } from './invites';
import { issueLink, useLink } from './password-links';
import { createSession, deleteUserSessions } from './sessions';
import { findUserByEmail, findUserById, toPublicUser } from './users';

/**
 * "Forgot password?": when the address has an account, a reset link goes out by email (queued with its link in
 * one transaction). Says nothing back: the caller answers the same words either way.
 */
export async function requestPasswordReset(services: Services, email: string, now = new Date()) {
  const user = await findUserByEmail(services.db, email);
  if (!user) return;
  await services.db.transaction().execute(async (trx) => {
    const { token } = await issueLink(trx, { kind: 'reset', userId: user.id }, now);
    const url = `${publicUrlOf(services.config)}${RESET_PAGE}?token=${encodeURIComponent(token)}`;
    await queueResetEmail(
      trx,
      { to: user.email, name: user.name, url, workspaceId: user.workspace_id, userId: user.id },
      now,
    );
  });
  kickEmailWorker(services);
}

/** What the reset page shows; throws the link's problem. */
export const describeReset = (db: Kysely<Database>, token: string, now = new Date()) =>
  describeLink(db, token, 'reset', now);

/**
 * Uses a reset link: the new password is set, the link is spent and every session of the user ends (their
 * sockets close on every instance); a new session starts for the browser that used the link.
 */
export async function finishPasswordReset(services: Services, token: string, password: string, now = new Date()) {
  const passwordHash = await hashPassword(password);
  const done = await services.db.transaction().execute(async (trx) => {
    const lookup = await requireLink(trx, token, 'reset', now, { lock: true });
    const user = await trx
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', lookup.link.userId ?? '')
      .returningAll()
      .executeTakeFirst();
    if (!user) throw linkError({ ok: false, problem: 'link_revoked' });
    await useLink(trx, lookup.tokenHash, now);
    await deleteUserSessions(trx, user.id);
    const session = await createSession(trx, user.id, services.config.SESSION_TTL_HOURS);
    return { user, session };
  });
  // Sockets of the sessions that ended; the new session has none yet.
  revoke(services, { workspaceId: done.user.workspace_id, userId: done.user.id, reason: 'session_ended' });
  return { user: toPublicUser(done.user), session: done.session };
}

/**
 * A signed-in person changes their own password: the current one is checked, the other sessions of the user end
 * (and their sockets close), the one of this request stays. Returns how many sessions ended.
 */
export async function changeOwnPassword(
  services: Services,
  userId: string,
  input: { currentPassword: string; newPassword: string },
  currentToken: string | undefined,
) {
  const user = await findUserById(services.db, userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new ValidationError('Your current password is not right', { field: 'currentPassword' }, 'wrong_password');
  }
  const passwordHash = await hashPassword(input.newPassword);
  const { kept, ended } = await services.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).execute();
    const before = await trx
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    const keptId = await deleteUserSessions(trx, user.id, currentToken);
    return { kept: keptId, ended: Number(before.count) - (keptId ? 1 : 0) };
  });
  revoke(services, {
    workspaceId: user.workspace_id,
    userId: user.id,
    reason: 'session_ended',
    ...(kept ? { exceptSessionId: kept } : {}),
  });
  return { endedSessions: ended };
}
