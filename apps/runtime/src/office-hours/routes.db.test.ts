import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../test/db';
import { useAppWith } from '../../test/email/app-harness';
import { seedTeam } from '../../test/email/fixtures';
import { seedWorkspace } from '../../test/fixtures/accounts';
import { officeHoursRoutes } from './routes';

const weekdays = {
  timezone: 'America/New_York',
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '17:00' }]])),
  holidays: ['2026-12-25'],
};

describe.each(databaseKinds)('office hours API on %s', (kind) => {
  const t = useAppWith(kind, (app, services) => app.route('/', officeHoursRoutes(services)));

  it('saves workspace and team hours, previews them and validates input', async () => {
    const { db } = t.services;
    const ws = await seedWorkspace(t.services.db, 'hours');
    const other = await seedWorkspace(t.services.db, 'other');
    const admin = await t.login(ws.admin.email);
    const agent = await t.login(ws.agent.email);
    const outsider = await t.login(other.admin.email);
    const teamId = await seedTeam(db, ws.workspaceId, 'Night shift', []);

    const initial = await t.call('GET', '/api/admin/office-hours', agent);
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({ settings: null, preview: { open: true, description: 'Open now' } });

    const saved = await t.call('PUT', '/api/admin/office-hours', admin, {
      schedule: weekdays,
      replyTime: { mode: 'manual', bucket: 'a few hours' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.settings.schedule.timezone).toBe('America/New_York');
    expect(saved.body.replyTime).toBe('a few hours');
    expect(saved.body.effective.offlineWhen).toEqual({ outsideHours: true, noAgentOnline: true });

    const night = { timezone: 'America/New_York', weekly: { sat: [{ start: '22:00', end: '06:00' }] } };
    const team = await t.call('PUT', `/api/admin/office-hours?teamId=${teamId}`, admin, { schedule: night });
    expect(team.body.effective.schedule.weekly).toEqual(night.weekly);
    const cleared = await t.call('DELETE', `/api/admin/office-hours?teamId=${teamId}`, admin);
    expect(cleared.body).toMatchObject({ settings: null, effective: { schedule: { weekly: weekdays.weekly } } });

    const preview = await t.call('POST', '/api/admin/office-hours/preview', agent, {
      schedule: weekdays,
      at: '2026-01-09T23:00:00Z',
    });
    expect(preview.body.preview).toEqual({
      open: false,
      description: 'Opens Monday at 09:00 (New York time)',
      closesAt: null,
      opensAt: '2026-01-12T14:00:00.000Z',
    });

    expect((await t.call('PUT', '/api/admin/office-hours', agent, { schedule: weekdays })).status).toBe(403);
    expect((await t.call('GET', '/api/admin/office-hours')).status).toBe(401);
    expect((await t.call('GET', `/api/admin/office-hours?teamId=${teamId}`, outsider)).status).toBe(404);
    const badZone = await t.call('PUT', '/api/admin/office-hours', admin, {
      schedule: { ...weekdays, timezone: 'Mars/Base' },
    });
    expect(badZone.status).toBe(400);
    expect(badZone.body.error.code).toBe('invalid_request');
    const badClock = await t.call('POST', '/api/admin/office-hours/preview', agent, {
      schedule: { timezone: 'UTC', weekly: { mon: [{ start: '25:00', end: '26:00' }] } },
    });
    expect(badClock.status).toBe(400);
  });
});
