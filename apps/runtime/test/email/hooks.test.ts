import { describe, expect, it } from 'vitest';
import { emailDb } from '../../src/email/tables';
import { writeOfficeHours } from '../../src/office-hours/settings';
import { databaseKinds } from '../db';
import { seedWorkspace } from '../fixtures/accounts';
import { utcDateFromNow } from '../fixtures/dates';
import { publishFlow } from '../fixtures/flows';
import { handoffFlow } from '../inbox/fixtures';
import { waitFor } from '../poll';
import { useAppWith } from './app-harness';
import { botAndVisitor, startFastEmailWorker, supportTeamWithOfflineColleague } from './live-areas';
import { outboxByKind } from './outbox-helpers';

/** Every local date from yesterday to 5 days ahead, in UTC, as holidays: closed now, open after. */
function closedForDays() {
  return Array.from({ length: 7 }, (_, i) => utcDateFromNow(i - 1));
}

describe.each(databaseKinds)('office-hours and email hooks inside real conversations on %s', (kind) => {
  const t = useAppWith(kind, () => {});

  it('hands off in hours with the reply time and emails the team; offers the offline branch out of hours', async () => {
    const { services } = t;
    const { db } = services;
    const ws = await seedWorkspace(db, 'hooks'); // its agent online
    const { colleague, teamId } = await supportTeamWithOfflineColleague(db, ws);
    await publishFlow(db, ws.bot.id, handoffFlow(teamId, 'high'));
    const email = startFastEmailWorker(services);

    const talk = async (name: string) => {
      const { bot, visitor } = await botAndVisitor(db, ws.bot.id, name);
      const conversation = await services.conversations.start(bot, visitor, {});
      const result = await services.conversations.visitorMessage(conversation.id, visitor, {
        clientId: 'c1',
        content: { type: 'text', text: 'My card was charged twice' },
      });
      return { id: conversation.id, result };
    };

    const inHours = await talk('Zoé');
    expect(inHours.result.conversation.status).toBe('needs_agent');
    const texts = inHours.result.replies.map((m) => JSON.stringify(m.message.content));
    expect(texts.join('\n')).toContain('We usually reply in a few hours.');
    // Routing assigned the online agent: one personal email for them; the colleague gets the handoff
    // alert; nobody gets two emails about it.
    const mails = await waitFor(async () => {
      const rows = await emailDb(db).selectFrom('mailbox').selectAll().orderBy('to_address').execute();
      return rows.length === 2 ? rows : undefined;
    });
    const byAddress = Object.fromEntries(mails.map((m) => [m.to_address, m]));
    expect(byAddress[ws.agent.email]?.subject).toBe('Conversation with Zoé assigned to you');
    expect(byAddress[colleague.email]?.subject).toBe('Zoé needs an agent');
    expect(byAddress[colleague.email]?.text).toContain(`https://desk.example.test/app/inbox/${inHours.id}`);
    const kinds = await waitFor(async () => {
      const rows = await emailDb(db).selectFrom('email_outbox').select(['kind', 'status']).orderBy('kind').execute();
      return rows.every((row) => row.status === 'sent') ? rows : undefined;
    });
    expect(kinds).toEqual([
      { kind: 'assigned_to_you', status: 'sent' },
      { kind: 'needs_attention', status: 'sent' },
    ]);

    await writeOfficeHours(db, ws.workspaceId, null, {
      schedule: {
        timezone: 'UTC',
        weekly: Object.fromEntries(
          ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [{ start: '00:00', end: '24:00' }]]),
        ),
        holidays: closedForDays(),
      },
    });
    const outOfHours = await talk('Max');
    // Nobody can take it now: still the team's, waiting for follow-up (issue 18), never resolved by the flow.
    expect(outOfHours.result.conversation.status).toBe('needs_agent');
    expect(outOfHours.result.conversation.follow_up_reason).toBe('outside_hours');
    const offline = outOfHours.result.replies.map((m) => JSON.stringify(m.message.content)).join('\n');
    expect(offline).toMatch(/We're offline right now\. Opens \w+ at 00:00 \([\w ]+\)\./);
    await email.loop.stop();
    // The team hears of it as of a live handoff: the online agent it was routed to, the colleague "while you were away".
    const alerts = await outboxByKind(db, { conversationId: outOfHours.id });
    expect(alerts.map((a) => [a.kind, a.to_address])).toEqual([
      ['assigned_to_you', ws.agent.email],
      ['needs_attention', colleague.email],
    ]);
    expect(alerts[1]!.subject).toBe('New conversation waiting while you were away: Max');
  });
});
