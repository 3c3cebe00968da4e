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
import { getCookie } from 'hono/cookie';
import { createRouter } from '../../http/env';
import { currentUser, requireUser, SESSION_COOKIE } from '../../http/middleware/auth';
import type { Services } from '../../services';
import { createCanned, deleteCanned, listCanned, updateCanned } from '../canned';
import { setPresence } from '../presence';
import { createTeam, deleteTeam, listTeams, updateTeam } from '../teams';
import { addUser, listUsers, removeUser, updateUser } from '../users';
import { defineRoute } from './define';
import { idParam, viewerOf } from './request';

const canned = '/api/inbox/canned-responses';

/** Canned responses, teammates, teams and presence for every agent; user and team admin for admins. */
export function workspaceRoutes(services: Services) {
  const router = createRouter();
  const { db } = services;
  router.use('/api/inbox/*', requireUser(services));
  for (const path of ['/api/admin/users', '/api/admin/users/*', '/api/admin/teams', '/api/admin/teams/*']) {
    router.use(path, requireUser(services, { role: 'admin' }));
  }
  const workspaceOf = (c: Parameters<typeof currentUser>[0]) => currentUser(c).workspaceId;

  let tag = 'Canned responses';
  defineRoute(
    router,
    { method: 'get', path: canned, tag, summary: 'Saved replies of my workspace', response: CannedResponsesAnswer },
    async (c) => ({
      cannedResponses: await listCanned(db, await viewerOf(c, services)),
    }),
  );
  defineRoute(
    router,
    {
      method: 'post',
      path: canned,
      tag,
      summary: 'Save a reply',
      body: CannedInput,
      status: 201,
      response: CannedResponseAnswer,
    },
    async (c, { body }) => ({
      cannedResponse: await createCanned(db, await viewerOf(c, services), body),
    }),
  );
  defineRoute(
    router,
    {
      method: 'patch',
      path: `${canned}/:id`,
      tag,
      summary: 'Edit a saved reply',
      body: CannedPatch,
      response: CannedResponseAnswer,
    },
    async (c, { body }) => ({
      cannedResponse: await updateCanned(db, await viewerOf(c, services), idParam(c), body),
    }),
  );
  defineRoute(
    router,
    { method: 'delete', path: `${canned}/:id`, tag, summary: 'Delete a saved reply', status: 204 },
    async (c) => deleteCanned(db, await viewerOf(c, services), idParam(c)),
  );

  tag = 'Inbox';
  defineRoute(
    router,
    {
      method: 'get',
      path: '/api/inbox/teammates',
      tag,
      summary: 'People of my workspace (assignment, @mentions)',
      response: TeammatesAnswer,
    },
    async (c) => ({
      users: await listUsers(db, workspaceOf(c)),
    }),
  );
  defineRoute(
    router,
    { method: 'get', path: '/api/inbox/teams', tag, summary: 'Teams of my workspace', response: TeamsAnswer },
    async (c) => ({
      teams: await listTeams(db, workspaceOf(c)),
    }),
  );
  defineRoute(
    router,
    {
      method: 'put',
      path: '/api/inbox/presence',
      tag,
      summary: 'Set my presence',
      body: PresenceInput,
      response: PresenceAnswer,
    },
    async (c, { body }) => {
      await setPresence(services, currentUser(c), body.status);
      return { status: body.status };
    },
  );

  tag = 'Users and teams (admin)';
  defineRoute(
    router,
    { method: 'get', path: '/api/admin/users', tag, summary: 'People of my workspace', response: TeammatesAnswer },
    async (c) => ({
      users: await listUsers(db, workspaceOf(c)),
    }),
  );
  defineRoute(
    router,
    {
      method: 'post',
      path: '/api/admin/users',
      tag,
      summary: 'Add an agent or admin',
      body: UserInput,
      status: 201,
      response: TeammateAnswer,
    },
    async (c, { body }) => ({
      user: await addUser(db, await viewerOf(c, services), body),
    }),
  );
  defineRoute(
    router,
    {
      method: 'patch',
      path: '/api/admin/users/:id',
      tag,
      summary: 'Rename, change role, password or avatar',
      body: UserPatch,
      response: TeammateAnswer,
    },
    async (c, { body }) => ({
      user: await updateUser(services, await viewerOf(c, services), idParam(c), body, getCookie(c, SESSION_COOKIE)),
    }),
  );
  defineRoute(
    router,
    { method: 'delete', path: '/api/admin/users/:id', tag, summary: 'Remove a person', status: 204 },
    async (c) => removeUser(services, await viewerOf(c, services), idParam(c)),
  );
  defineRoute(
    router,
    { method: 'get', path: '/api/admin/teams', tag, summary: 'Teams with members', response: TeamsAnswer },
    async (c) => ({
      teams: await listTeams(db, workspaceOf(c)),
    }),
  );
  defineRoute(
    router,
    {
      method: 'post',
      path: '/api/admin/teams',
      tag,
      summary: 'Create a team',
      body: TeamInput,
      status: 201,
      response: TeamAnswer,
    },
    async (c, { body }) => ({
      team: await createTeam(db, await viewerOf(c, services), body),
    }),
  );
  defineRoute(
    router,
    {
      method: 'patch',
      path: '/api/admin/teams/:id',
      tag,
      summary: 'Rename, set members, make default',
      body: TeamPatch,
      response: TeamAnswer,
    },
    async (c, { body }) => ({
      team: await updateTeam(services, await viewerOf(c, services), idParam(c), body),
    }),
  );
  defineRoute(
    router,
    { method: 'delete', path: '/api/admin/teams/:id', tag, summary: 'Delete a team', status: 204 },
    async (c) => deleteTeam(services, await viewerOf(c, services), idParam(c)),
  );
  return router;
}
