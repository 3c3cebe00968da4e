import { describe, expect, it } from 'vitest';
import { handoffOutcome, OfflineWhen } from './handoff-outcome';
import { Schedule } from './schedule';

const weekdays = Schedule.parse({
  timezone: 'America/New_York',
  weekly: { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }] },
});
const mondayNoonNY = new Date('2026-01-12T17:00:00Z');
const mondayNightNY = new Date('2026-01-13T02:00:00Z');
const both = OfflineWhen.parse({});

describe('handoffOutcome', () => {
  it('hands off in hours with someone online', () => {
    expect(handoffOutcome({ schedule: weekdays, offlineWhen: both, onlineAgents: 2, now: mondayNoonNY })).toBe(
      'handed_off',
    );
  });

  it('goes offline outside hours even with agents online', () => {
    expect(handoffOutcome({ schedule: weekdays, offlineWhen: both, onlineAgents: 2, now: mondayNightNY })).toBe(
      'offline',
    );
  });

  it('goes offline in hours when nobody of the team is online', () => {
    expect(handoffOutcome({ schedule: weekdays, offlineWhen: both, onlineAgents: 0, now: mondayNoonNY })).toBe(
      'offline',
    );
  });

  it('respects each switch on its own', () => {
    const hoursOnly = OfflineWhen.parse({ noAgentOnline: false });
    const agentsOnly = OfflineWhen.parse({ outsideHours: false });
    expect(handoffOutcome({ schedule: weekdays, offlineWhen: hoursOnly, onlineAgents: 0, now: mondayNoonNY })).toBe(
      'handed_off',
    );
    expect(handoffOutcome({ schedule: weekdays, offlineWhen: agentsOnly, onlineAgents: 1, now: mondayNightNY })).toBe(
      'handed_off',
    );
    expect(handoffOutcome({ schedule: weekdays, offlineWhen: agentsOnly, onlineAgents: 0, now: mondayNightNY })).toBe(
      'offline',
    );
  });

  it('treats a missing schedule as always open', () => {
    expect(handoffOutcome({ schedule: null, offlineWhen: both, onlineAgents: 1, now: mondayNightNY })).toBe(
      'handed_off',
    );
  });
});
