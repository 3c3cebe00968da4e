import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseKinds, useTestDatabase } from '../../test/db';
import { seedConversation, seedTeam, seedUser, seedWorkspace } from '../../test/email/fixtures';
import { firstResponseDurations, replyTimeWords } from './reply-time-query';
import {
  clearTeamOfficeHours,
  DEFAULT_OFFICE_HOURS,
  effectiveOfficeHours,
  readOfficeHours,
  writeOfficeHours,
} from './settings';

const parisWeek = {
  timezone: 'Europe/Paris',
  weekly: { mon: [{ start: '09:00', end: '17:00' }] },
  holidays: ['2026-12-25'],
};
const now = new Date('2026-06-10T12:00:00Z');
const minutesBefore = (base: Date, m: number) => new Date(base.getTime() - m * 60_000);
const minutesAfter = (base: Date, m: number) => new Date(base.getTime() + m * 60_000);

describe.each(databaseKinds)('office hours settings on %s', (kind) => {
  const t = useTestDatabase(kind);

  it('stores workspace settings, lets a team override them and fall back again', async () => {
    const { db } = t.current;
    const ws = await seedWorkspace(db);
    const teamId = await seedTeam(db, ws.workspaceId, 'Sales', []);
    expect(await effectiveOfficeHours(db, ws.workspaceId, teamId)).toEqual(DEFAULT_OFFICE_HOURS);

    const stored = await writeOfficeHours(db, ws.workspaceId, null, { schedule: parisWeek });
    expect(stored.schedule?.holidays).toEqual(['2026-12-25']);
    expect(await readOfficeHours(db, ws.workspaceId, null)).toEqual(stored);
    expect(await effectiveOfficeHours(db, ws.workspaceId, teamId)).toEqual(stored);

    await writeOfficeHours(db, ws.workspaceId, teamId, {
      schedule: null,
      replyTime: { mode: 'manual', bucket: 'within a day' },
    });
    await writeOfficeHours(db, ws.workspaceId, teamId, { replyTime: { mode: 'manual', bucket: 'a few minutes' } });
    const team = await effectiveOfficeHours(db, ws.workspaceId, teamId);
    expect(team.replyTime).toEqual({ mode: 'manual', bucket: 'a few minutes' });
    expect(team.schedule).toBeNull();

    await clearTeamOfficeHours(db, ws.workspaceId, teamId);
    expect(await effectiveOfficeHours(db, ws.workspaceId, teamId)).toEqual(stored);
  });

  it('refuses an invalid schedule', async () => {
    const { db } = t.current;
    const ws = await seedWorkspace(db);
    await expect(
      writeOfficeHours(db, ws.workspaceId, null, { schedule: { timezone: 'Nowhere/City', weekly: {} } }),
    ).rejects.toThrow(/time zone/);
    expect(await readOfficeHours(db, ws.workspaceId, null)).toBeNull();
  });

  it('computes the automatic reply time from the last 7 days of first responses', async () => {
    const { db } = t.current;
    const ws = await seedWorkspace(db);
    const agent = await seedUser(db, ws.workspaceId, 'Ana');
    const support = await seedTeam(db, ws.workspaceId, 'Support', [agent.id]);
    const handoff = (daysAgo: number, replyMinutes: number | null, team: string | null = null) => {
      const at = minutesBefore(now, daysAgo * 1440);
      return seedConversation(db, ws, {
        status: 'agent',
        team_id: team,
        handed_off_at: at,
        first_response_at: replyMinutes === null ? null : minutesAfter(at, replyMinutes),
      });
    };
    // Workspace-wide: replies of 2h, 3h, 5h (median 3h). Older than 7 days or unanswered: ignored.
    await handoff(1, 120);
    await handoff(2, 180);
    await handoff(3, 300);
    await handoff(9, 1);
    await handoff(10, 1);
    await handoff(1, null);
    // Support answers in minutes.
    await handoff(1, 4, support);
    await handoff(2, 6, support);
    await handoff(4, 200, support);

    const all = await firstResponseDurations(db, { workspaceId: ws.workspaceId, teamId: null, now });
    expect(all.sort((a, b) => a - b)).toEqual([4, 6, 120, 180, 200, 300].map((m) => m * 60_000));
    expect(await replyTimeWords(db, { workspaceId: ws.workspaceId, teamId: null, now })).toBe('a few hours');
    expect(await replyTimeWords(db, { workspaceId: ws.workspaceId, teamId: support, now })).toBe('a few minutes');

    await writeOfficeHours(db, ws.workspaceId, null, { replyTime: { mode: 'manual', bucket: 'within a day' } });
    expect(await replyTimeWords(db, { workspaceId: ws.workspaceId, teamId: null, now })).toBe('within a day');
  });

  it('leaves takeovers and negative samples out of the automatic reply time', async () => {
    const { db } = t.current;
    const ws = await seedWorkspace(db);
    const handoff = async (daysAgo: number, replyMinutes: number, reason: string | null) => {
      const at = minutesBefore(now, daysAgo * 1440);
      const id = await seedConversation(db, ws, {
        status: 'agent',
        handed_off_at: at,
        first_response_at: minutesAfter(at, replyMinutes),
      });
      await sql`update conversations set handoff_reason = ${reason} where id = ${id}`.execute(db);
    };
    // The queue waits hours (one row from before the column: reason null).
    await handoff(1, 120, 'flow');
    await handoff(2, 180, 'ai_agent');
    await handoff(3, 300, null);
    // Agents who took over from the bot answer at once; five of them would make it "a few minutes".
    for (const day of [1, 1, 2, 2, 3]) await handoff(day, 0.1, 'takeover');
    // A reply stamped before the handoff (a first response kept across a hand-back): not a sample.
    await handoff(1, -600, 'flow');

    const all = await firstResponseDurations(db, { workspaceId: ws.workspaceId, teamId: null, now });
    expect(all.sort((a, b) => a - b)).toEqual([120, 180, 300].map((m) => m * 60_000));
    expect(await replyTimeWords(db, { workspaceId: ws.workspaceId, teamId: null, now })).toBe('a few hours');
  });

  it('falls back to the configured words without any reply in the window', async () => {
    const { db } = t.current;
    const ws = await seedWorkspace(db);
    await writeOfficeHours(db, ws.workspaceId, null, { replyTime: { mode: 'auto', fallback: 'a few minutes' } });
    expect(await replyTimeWords(db, { workspaceId: ws.workspaceId, teamId: null, now })).toBe('a few minutes');
  });
});
