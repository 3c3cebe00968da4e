import { createRouter } from '../../http/env';
import { currentUser, requireUser } from '../../http/middleware/auth';
import type { Services } from '../../services';
import { CannedInput, CannedPatch, createCanned, deleteCanned, listCanned, updateCanned } from '../canned';
import { PresenceInput, setPresence } from '../presence';
import { createTeam, deleteTeam, listTeams, TeamInput, TeamPatch, updateTeam } from '../teams';
import { addUser, listUsers, removeUser, UserInput, UserPatch, updateUser } from '../users';
import { idParam, jsonBody, viewerOf } from './request';

/** Canned responses, teammates, teams and presence for every agent; user and team admin for admins. */
export function workspaceRoutes(services: Services) {
  const router = createRouter();
  const { db } = services;
  router.use('/api/inbox/*', requireUser(services));
  router.use('/api/admin/users', requireUser(services, { role: 'admin' }));
  router.use('/api/admin/users/*', requireUser(services, { role: 'admin' }));
  router.use('/api/admin/teams', requireUser(services, { role: 'admin' }));
  router.use('/api/admin/teams/*', requireUser(services, { role: 'admin' }));

  router.get('/api/inbox/canned-responses', async (c) =>
    c.json({ cannedResponses: await listCanned(db, await viewerOf(c, services)) }),
  );
  router.post('/api/inbox/canned-responses', async (c) => {
    const viewer = await viewerOf(c, services);
    return c.json({ cannedResponse: await createCanned(db, viewer, await jsonBody(c, CannedInput)) }, 201);
  });
  router.patch('/api/inbox/canned-responses/:id', async (c) => {
    const viewer = await viewerOf(c, services);
    return c.json({ cannedResponse: await updateCanned(db, viewer, idParam(c), await jsonBody(c, CannedPatch)) });
  });
  router.delete('/api/inbox/canned-responses/:id', async (c) => {
    await deleteCanned(db, await viewerOf(c, services), idParam(c));
    return c.body(null, 204);
  });

  router.get('/api/inbox/teammates', async (c) => c.json({ users: await listUsers(db, currentUser(c).workspaceId) }));
  router.get('/api/inbox/teams', async (c) => c.json({ teams: await listTeams(db, currentUser(c).workspaceId) }));
  router.put('/api/inbox/presence', async (c) => {
    const user = currentUser(c);
    const { status } = await jsonBody(c, PresenceInput);
    await setPresence(services, user, status);
    return c.json({ status });
  });

  router.get('/api/admin/users', async (c) => c.json({ users: await listUsers(db, currentUser(c).workspaceId) }));
  router.post('/api/admin/users', async (c) => {
    const admin = await viewerOf(c, services);
    return c.json({ user: await addUser(db, admin, await jsonBody(c, UserInput)) }, 201);
  });
  router.patch('/api/admin/users/:id', async (c) => {
    const admin = await viewerOf(c, services);
    return c.json({ user: await updateUser(db, admin, idParam(c), await jsonBody(c, UserPatch)) });
  });
  router.delete('/api/admin/users/:id', async (c) => {
    await removeUser(db, await viewerOf(c, services), idParam(c));
    return c.body(null, 204);
  });

  router.get('/api/admin/teams', async (c) => c.json({ teams: await listTeams(db, currentUser(c).workspaceId) }));
  router.post('/api/admin/teams', async (c) => {
    const admin = await viewerOf(c, services);
    return c.json({ team: await createTeam(db, admin, await jsonBody(c, TeamInput)) }, 201);
  });
  router.patch('/api/admin/teams/:id', async (c) => {
    const admin = await viewerOf(c, services);
    return c.json({ team: await updateTeam(db, admin, idParam(c), await jsonBody(c, TeamPatch)) });
  });
  router.delete('/api/admin/teams/:id', async (c) => {
    await deleteTeam(db, await viewerOf(c, services), idParam(c));
    return c.body(null, 204);
  });
  return router;
}
