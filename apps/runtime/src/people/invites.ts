import { type Invite, type InviteRequest, LINK_PROBLEMS, type PasswordLinkInfo } from '@flowdesk/contract';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/schema';
import { kickEmailWorker, publicUrlOf } from '../email/service';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { workspaceIds } from '../repositories/workspace-rows';
import type { Services } from '../services';
import { hashPassword, newId } from '../services/secrets';
import { INVITE_PAGE, queueInviteEmail } from './emails';
import { findLink, issueLink, type LinkLookup, type LinkRow, useLink } from './password-links';
import { createSession } from './sessions';
import { type PasswordLinkKind, peopleDb, type UserInvitesTable } from './tables';
import { normalizeEmail, toPublicUser } from './users';

type InviteInput = z.output<typeof InviteRequest>;
type Row = Selectable<UserInvitesTable>;

export interface Inviter {
  id: string;
  name: string;
  workspaceId: string;
}

function toInvite(
  row: Pick<Row, 'id' | 'email' | 'name' | 'role' | 'team_ids' | 'sent_at' | 'expires_at'>,
  invitedBy: string | null,
  now: Date,
): Invite {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    teamIds: row.team_ids,
    status: row.expires_at.getTime() <= now.getTime() ? 'expired' : 'invited',
    invitedBy,
    sentAt: row.sent_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
  };
}

/** Invites of the workspace not accepted yet, newest first, with the inviter's name. */
export async function listInvites(db: Kysely<Database>, workspaceId: string, now = new Date()): Promise<Invite[]> {
  const rows = await peopleDb(db)
    .selectFrom('user_invites')
    .leftJoin('users', 'users.id', 'user_invites.invited_by')
    .selectAll('user_invites')
    .select('users.name as inviter')
    .where('user_invites.workspace_id', '=', workspaceId)
    .orderBy('user_invites.sent_at', 'desc')
    .execute();
  return rows.map((row) => toInvite(row, row.inviter, now));
}

const inviteUrl = (services: Services, token: string) =>
  `${publicUrlOf(services.config)}${INVITE_PAGE}?token=${encodeURIComponent(token)}`;

async function workspaceName(db: Kysely<Database>, workspaceId: string) {
  const row = await db.selectFrom('workspaces').select('name').where('id', '=', workspaceId).executeTakeFirst();
  return row?.name ?? 'your team';
}

/** Stores the invite and queues its email in one transaction; the worker sends it after the commit. */
export async function createInvite(services: Services, inviter: Inviter, input: InviteInput, now = new Date()) {
  const email = normalizeEmail(input.email);
  const teamIds = [...new Set(input.teamIds)];
  const { db } = services;
  const taken = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) throw new ConflictError('A person with this email already has an account', { field: 'email' });
  const name = await workspaceName(db, inviter.workspaceId);
  const invite = await db.transaction().execute(async (trx) => {
    if (teamIds.length) {
      const teams = await trx
        .selectFrom('teams')
        .select('id')
        .where('workspace_id', '=', inviter.workspaceId)
        .where('id', 'in', teamIds)
        .execute();
      if (teams.length !== teamIds.length)
        throw new ValidationError('Some teams are not teams of this workspace', { field: 'teamIds' });
    }
    const id = newId();
    const row = await peopleDb(trx)
      .insertInto('user_invites')
      .values({
        id,
        workspace_id: inviter.workspaceId,
        email,
        name: input.name,
        role: input.role,
        team_ids: JSON.stringify(teamIds),
        invited_by: inviter.id,
        sent_at: now,
        expires_at: now,
      })
      .onConflict((oc) => oc.column('email').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new ConflictError('This address is already invited: resend the invite instead', { field: 'email' });
    return sendInvite(trx, services, row, inviter.name, name, now);
  });
  kickEmailWorker(services);
  return toInvite(invite, inviter.name, now);
}

async function sendInvite(
  trx: Kysely<Database>,
  services: Services,
  row: Row,
  inviterName: string,
  workspace: string,
  now: Date,
) {
  const { token, expiresAt } = await issueLink(trx, { kind: 'invite', inviteId: row.id }, now);
  await queueInviteEmail(
    trx,
    {
      to: row.email,
      name: row.name,
      inviterName,
      workspaceName: workspace,
      url: inviteUrl(services, token),
      workspaceId: row.workspace_id,
    },
    now,
  );
  return peopleDb(trx)
    .updateTable('user_invites')
    .set({ sent_at: now, expires_at: expiresAt })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A new link by email; the previous link stops working. */
export async function resendInvite(services: Services, inviter: Inviter, id: string, now = new Date()) {
  const workspace = await workspaceName(services.db, inviter.workspaceId);
  const invite = await services.db.transaction().execute(async (trx) => {
    const row = await peopleDb(trx)
      .selectFrom('user_invites')
      .selectAll()
      .where('id', '=', id)
      .where('workspace_id', '=', inviter.workspaceId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new NotFoundError('Invite');
    return sendInvite(trx, services, row, inviter.name, workspace, now);
  });
  kickEmailWorker(services);
  return toInvite(invite, inviter.name, now);
}

/** Withdraws an invite: its link says it is no longer valid. */
export async function revokeInvite(db: Kysely<Database>, workspaceId: string, id: string) {
  await db.transaction().execute(async (trx) => {
    const people = peopleDb(trx);
    const gone = await people
      .deleteFrom('user_invites')
      .where('id', '=', id)
      .where('workspace_id', '=', workspaceId)
      .returning('id')
      .executeTakeFirst();
    if (!gone) throw new NotFoundError('Invite');
    // Its links lost their invite (set null): drop the unused ones.
    await people
      .deleteFrom('password_links')
      .where('kind', '=', 'invite')
      .where('invite_id', 'is', null)
      .where('used_at', 'is', null)
      .execute();
  });
}

/** A link that cannot be used: 400 with its problem as the code and the words its page shows. */
export function linkError(lookup: Extract<LinkLookup, { ok: false }>) {
  return new ValidationError(LINK_PROBLEMS[lookup.problem], undefined, lookup.problem);
}

/** The stored link of a genuine token of `kind` (`lock` as in findLink); throws the link's problem. */
export async function requireLink(...args: Parameters<typeof findLink>) {
  const lookup = await findLink(...args);
  if (!lookup.ok) throw linkError(lookup);
  return lookup;
}

/** Where the person a link is for is kept: the invite until it is accepted, the user for a reset. */
const PERSON_OF_LINK = {
  invite: { table: 'user_invites', id: (link: LinkRow) => link.inviteId },
  reset: { table: 'users', id: (link: LinkRow) => link.userId },
} as const;

/**
 * What an invite or reset page shows: the person the stored link is for and their workspace; throws the link's
 * problem (link_revoked when the invite or user is gone).
 */
export async function describeLink(
  db: Kysely<Database>,
  token: string,
  kind: PasswordLinkKind,
  now = new Date(),
): Promise<PasswordLinkInfo> {
  const lookup = await requireLink(db, token, kind, now);
  const { table, id } = PERSON_OF_LINK[kind];
  const people = peopleDb(db);
  const person = await people
    .selectFrom(people.dynamic.table(table).as('person'))
    .innerJoin('workspaces', 'workspaces.id', 'person.workspace_id')
    .select(['person.email', 'person.name', 'workspaces.name as workspaceName'])
    .where('person.id', '=', id(lookup.link) ?? '')
    .executeTakeFirst();
  if (!person) throw linkError({ ok: false, problem: 'link_revoked' });
  return { kind, ...person, expiresAt: lookup.link.expiresAt.toISOString() };
}

/** What the invite page shows; throws the link's problem. */
export const describeInvite = (db: Kysely<Database>, token: string, now = new Date()) =>
  describeLink(db, token, 'invite', now);

/**
 * Uses an invite link: the person becomes a user with the password they chose (and the invite's role and
 * teams), the link is spent and a session starts. One transaction, the link's row locked: a second click fails.
 */
export async function acceptInvite(services: Services, token: string, password: string, now = new Date()) {
  const passwordHash = await hashPassword(password);
  return services.db.transaction().execute(async (trx) => {
    const lookup = await requireLink(trx, token, 'invite', now, { lock: true });
    const people = peopleDb(trx);
    const invite = await people
      .selectFrom('user_invites')
      .selectAll()
      .where('id', '=', lookup.link.inviteId ?? '')
      .forUpdate()
      .executeTakeFirst();
    if (!invite) throw linkError({ ok: false, problem: 'link_revoked' });
    const taken = await trx.selectFrom('users').select('id').where('email', '=', invite.email).executeTakeFirst();
    if (taken) throw new ConflictError('A person with this email already has an account: sign in instead');
    const user = await trx
      .insertInto('users')
      .values({
        id: newId(),
        workspace_id: invite.workspace_id,
        email: invite.email,
        name: invite.name,
        password_hash: passwordHash,
        role: invite.role,
        avatar_url: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const teams = await workspaceIds(trx, 'teams', invite.workspace_id, invite.team_ids);
    if (teams.length)
      await trx
        .insertInto('team_members')
        .values(teams.map((team_id) => ({ team_id, user_id: user.id })))
        .execute();
    await useLink(trx, lookup.tokenHash, now, user.id);
    await people.deleteFrom('user_invites').where('id', '=', invite.id).execute();
    const session = await createSession(trx, user.id, services.config.SESSION_TTL_HOURS);
    return { user: toPublicUser(user), session };
  });
}
