import {
  CannedInput,
  CannedPatch,
  CannedResponseAnswer,
  CannedResponsesAnswer,
  PresenceAnswer,
  PresenceInput,
  TeamAnswer,
  TeamInput,
  TeammateAnswer,
  TeammatesAnswer,
  TeamPatch,
  TeamsAnswer,
  UserInput,
  UserPatch,
} from '@flowdesk/contract';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { type AppEnv, createRouter } from '../../http/env';
import { currentUser, requireUser, SESSION_COOKIE } from '../../http/middleware/auth';
import type { Services } from '../../services';
import { createCanned, deleteCanned, listCanned, updateCanned } from '../canned';
import { setPresence } from '../presence';
import { createTeam, deleteTeam, listTeams, updateTeam } from '../teams';
import { addUser, listUsers, removeUser, updateUser } from '../users';
import { routesOn } from './define';
import { idParam, viewerOf } from './request';

/** Canned responses, teammates, teams and presence for every agent; user and team admin for admins. */
export function workspaceRoutes(services: Services) {
  const router = createRouter();
  const { db } = services;
  router.use('/api/inbox/*', requireUser(services));
  for (const path of ['/api/admin/users', '/api/admin/users/*', '/api/admin/teams', '/api/admin/teams/*']) {
    router.use(path, requireUser(services, { role: 'admin' }));
  }
  const workspaceOf = (c: Context<AppEnv>) => currentUser(c).workspaceId;
  // The teammates and teams lists answer agents in the inbox and admins alike.
  const teammates = async (c: Context<AppEnv>) => ({ users: await listUsers(db, workspaceOf(c)) });
  const teams = async (c: Context<AppEnv>) => ({ teams: await listTeams(db, workspaceOf(c)) });

  const cannedRoute = routesOn(router, '/api/inbox/canned-responses', 'Canned responses');
  cannedRoute('get', '', { summary: 'Saved replies of my workspace', response: CannedResponsesAnswer }, async (c) => ({
    cannedResponses: await listCanned(db, await viewerOf(c, services)),
  }));
  cannedRoute(
    'post',
    '',
    { summary: 'Save a reply', body: CannedInput, status: 201, response: CannedResponseAnswer },
    async (c, { body }) => ({ cannedResponse: await createCanned(db, await viewerOf(c, services), body) }),
  );
  cannedRoute(
    'patch',
    '/:id',
    { summary: 'Edit a saved reply', body: CannedPatch, response: CannedResponseAnswer },
    async (c, { body }) => ({
      cannedResponse: await updateCanned(db, await viewerOf(c, services), idParam(c), body),
    }),
  );
  cannedRoute('delete', '/:id', { summary: 'Delete a saved reply', status: 204 }, async (c) =>
    deleteCanned(db, await viewerOf(c, services), idParam(c)),
  );

  const inboxRoute = routesOn(router, '/api/inbox', 'Inbox');
  inboxRoute(
    'get',
    '/teammates',
    { summary: 'People of my workspace (assignment, @mentions)', response: TeammatesAnswer },
    teammates,
  );
  inboxRoute('get', '/teams', { summary: 'Teams of my workspace', response: TeamsAnswer }, teams);
  inboxRoute(
    'put',
    '/presence',
    { summary: 'Set my presence', body: PresenceInput, response: PresenceAnswer },
    async (c, { body }) => {
      await setPresence(services, currentUser(c), body.status);
      return { status: body.status };
    },
  );

  const adminRoute = routesOn(router, '/api/admin', 'Users and teams (admin)');
  adminRoute('get', '/users', { summary: 'People of my workspace', response: TeammatesAnswer }, teammates);
  adminRoute(
    'post',
    '/users',
    { summary: 'Add an agent or admin', body: UserInput, status: 201, response: TeammateAnswer },
    async (c, { body }) => ({ user: await addUser(db, await viewerOf(c, services), body) }),
  );
  adminRoute(
    'patch',
    '/users/:id',
    { summary: 'Rename, change role, password or avatar', body: UserPatch, response: TeammateAnswer },
    async (c, { body }) => ({
      user: await updateUser(services, await viewerOf(c, services), idParam(c), body, getCookie(c, SESSION_COOKIE)),
    }),
  );
  adminRoute('delete', '/users/:id', { summary: 'Remove a person', status: 204 }, async (c) =>
    removeUser(services, await viewerOf(c, services), idParam(c)),
  );
  adminRoute('get', '/teams', { summary: 'Teams with members', response: TeamsAnswer }, teams);
  adminRoute(
    'post',
    '/teams',
    { summary: 'Create a team', body: TeamInput, status: 201, response: TeamAnswer },
    async (c, { body }) => ({ team: await createTeam(db, await viewerOf(c, services), body) }),
  );
  adminRoute(
    'patch',
    '/teams/:id',
    { summary: 'Rename, set members, make default', body: TeamPatch, response: TeamAnswer },
    async (c, { body }) => ({ team: await updateTeam(services, await viewerOf(c, services), idParam(c), body) }),
  );
  adminRoute('delete', '/teams/:id', { summary: 'Delete a team', status: 204 }, async (c) =>
    deleteTeam(services, await viewerOf(c, services), idParam(c)),
  );
  return router;
}
