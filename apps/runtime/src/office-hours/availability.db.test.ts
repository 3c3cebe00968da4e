import { describe, expect, it } from 'vitest';
import { databaseKinds, useTestDatabase } from '../../test/db';
import { seedStaffedAndUnstaffedTeams, seedUser, seedWorkspace } from '../../test/email/fixtures';
import { countOnlineAgents, decideHandoff, widgetAvailability } from './availability';
import { writeOfficeHours } from './settings';

// Monday 2026-01-12: 10:00 in Paris = 09:00Z; 20:00 in Paris = 19:00Z.
const mondayMorning = new Date('2026-01-12T09:00:00Z');
const mondayEvening = new Date('2026-01-12T19:00:00Z');
const parisDays = { timezone: 'Europe/Paris', weekly: { mon: [{ start: '09:00', end: '18:00' }] } };

describe.each(databaseKinds)('handoff decisions from stored settings on %s', (kind) => {
  const t = useTestDatabase(kind);

  it('takes the offline branch outside hours or with nobody of the team online', async () => {
    const { db } = t.current;
    const teams = { staffed: 'Support', unstaffed: 'Sales' };
    const { ws, staffed: support, unstaffed: sales } = await seedStaffedAndUnstaffedTeams(db, teams, 'away');
    await writeOfficeHours(db, ws.workspaceId, null, {
      schedule: parisDays,
      replyTime: { mode: 'manual', bucket: 'a few minutes' },
    });
    const scope = { workspaceId: ws.workspaceId, now: mondayMorning };

    expect(await countOnlineAgents(db, { ...scope, teamId: null })).toBe(1);
    expect(await countOnlineAgents(db, { ...scope, teamId: sales })).toBe(0);
    expect(await decideHandoff(db, { ...scope, teamId: support })).toEqual({
      outcome: 'handed_off',
      replyTime: 'a few minutes',
      hours: 'Open now until 18:00',
    });
    expect((await decideHandoff(db, { ...scope, teamId: sales })).outcome).toBe('offline');
    expect(
      (await decideHandoff(db, { ...scope, teamId: sales, offlineWhen: { outsideHours: true, noAgentOnline: false } }))
        .outcome,
    ).toBe('handed_off');
    const evening = await decideHandoff(db, { ...scope, teamId: support, now: mondayEvening });
    expect(evening).toMatchObject({ outcome: 'offline', hours: 'Opens on Monday 19 January at 09:00 (Paris time)' });

    expect(await widgetAvailability(db, { ...scope, teamId: null })).toEqual({
      online: true,
      replyTime: 'a few minutes',
      hours: 'Open now until 18:00',
    });
    expect((await widgetAvailability(db, { ...scope, teamId: null, now: mondayEvening })).online).toBe(false);
  });

  it('with no settings stored: always open, hands off when someone is online', async () => {
    const { db } = t.current;
    const ws = await seedWorkspace(db);
    const scope = { workspaceId: ws.workspaceId, teamId: null, now: mondayEvening };
    expect((await decideHandoff(db, scope)).outcome).toBe('offline');
    await seedUser(db, ws.workspaceId, 'Cid', 'agent', 'online');
    expect(await decideHandoff(db, scope)).toEqual({
      outcome: 'handed_off',
      replyTime: 'a few hours',
      hours: 'Open now',
    });
  });
});
