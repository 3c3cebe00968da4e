import { HumanHandoffData } from '@flowdesk/flow-schema';
import { describe, expect, it } from 'vitest';
import { databaseKinds, useTestDatabase } from '../../test/db';
import { seedConversation, seedStaffedAndUnstaffedTeams } from '../../test/email/fixtures';
import { handoffOutcomeHook, replyTimeSentence } from './hooks';
import { writeOfficeHours } from './settings';

// Tuesday 2026-01-13 in New York: 15:00Z = 10:00 EST (open), 23:30Z = 18:30 EST (closed).
const tuesdayOpen = new Date('2026-01-13T15:00:00Z');
const tuesdayEvening = new Date('2026-01-13T23:30:00Z');
const nineToFive = { start: '09:00', end: '17:00' };

describe.each(databaseKinds)('handoff outcome hook on %s', (kind) => {
  const t = useTestDatabase(kind);

  it('answers the block from office hours, online agents and the block rule, with words for the visitor', async () => {
    const { db } = t.current;
    const teams = { staffed: 'Support', unstaffed: 'Billing' };
    const { ws, unstaffed: billing } = await seedStaffedAndUnstaffedTeams(db, teams, 'offline');
    await writeOfficeHours(db, ws.workspaceId, null, {
      schedule: { timezone: 'America/New_York', weekly: { mon: [nineToFive], tue: [nineToFive], wed: [nineToFive] } },
      replyTime: { mode: 'manual', bucket: 'a few minutes' },
    });
    const conversationId = await seedConversation(db, ws, { status: 'bot' });
    const conversation = await db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    const block = (data: Partial<HumanHandoffData>) => ({
      blockId: 'handoff-1',
      settings: HumanHandoffData.parse({
        confirmationMessage: 'Thanks {{name}}, connecting you.',
        offlineMessage: 'Sorry {{name}}, we are away.',
        ...data,
      }),
      variables: { name: 'Zoé' },
    });

    expect(await handoffOutcomeHook(db, conversation, block({}), tuesdayOpen)).toEqual({
      outcome: 'handed_off',
      message: 'Thanks Zoé, connecting you. We usually reply in a few minutes.',
    });
    // The reply time replaces the admin's own promise of a wait instead of following it.
    const shortly = block({ confirmationMessage: 'Connecting you. Someone will reply shortly.' });
    expect((await handoffOutcomeHook(db, conversation, shortly, tuesdayOpen)).message).toBe(
      'Connecting you. We usually reply in a few minutes.',
    );
    expect(await handoffOutcomeHook(db, conversation, block({}), tuesdayEvening)).toMatchObject({
      outcome: 'offline',
      message: 'Sorry Zoé, we are away. Opens tomorrow at 09:00 (New York time).',
    });
    expect(await handoffOutcomeHook(db, conversation, block({ teamId: billing }), tuesdayOpen)).toMatchObject({
      outcome: 'offline',
      message: 'Sorry Zoé, we are away.',
    });
    const hoursOnly = block({ teamId: billing, offlineWhen: 'outside_hours' });
    expect((await handoffOutcomeHook(db, conversation, hoursOnly, tuesdayOpen)).outcome).toBe('handed_off');
    const agentsOnly = block({ offlineWhen: 'no_agents_online' });
    expect((await handoffOutcomeHook(db, conversation, agentsOnly, tuesdayEvening)).outcome).toBe('handed_off');
  });

  it('words every reply-time bucket as a sentence', () => {
    expect(replyTimeSentence('a few minutes')).toBe('We usually reply in a few minutes.');
    expect(replyTimeSentence('a few hours')).toBe('We usually reply in a few hours.');
    expect(replyTimeSentence('within a day')).toBe('We usually reply within a day.');
  });
});
