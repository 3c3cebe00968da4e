import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import { describe, expect, it } from 'vitest';
import type { Config } from '../src/config';
import { scanSlaEscalations } from '../src/email/scans';
import { writeOfficeHours } from '../src/office-hours/settings';
import { databaseKinds } from './db';
import { seedTeam } from './email/fixtures';
import { useFakeResend } from './fakes/use-fake-resend';
import { loginHeaders, seedWorkspace } from './fixtures/accounts';
import { ask, flowDocument, say, start } from './fixtures/flow-builder';
import { publishFlow } from './fixtures/flows';
import { TestVisitor } from './fixtures/visitor';
import { waitFor } from './poll';
import { type Json, useTestServer } from './server';

/**
 * Issue 18, items 1 and 4: a handoff nobody can take now still reaches the team's queue, waiting for
 * follow-up, with the AI summary and priority of a live handoff, and the agents are emailed (through the
 * real Resend SDK against the fake Resend server); the contact form queues the same way; the summary is
 * written again when the visitor writes before any agent reply.
 */

const KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const URGENT = 'I was charged twice, this is a scam and nobody answers, I need my money back immediately';

/** Asks the issue, hands off; offline (or no reply in time): asks for an email, thanks, ends. */
function offlineFlow(teamId: string): FlowDocumentInput {
  return flowDocument({
    id: 'follow-up',
    name: 'Follow-up',
    blocks: [
      start(),
      ask('ask', 'What can we help you with?', 'issue'),
      {
        id: 'handoff',
        type: 'human_handoff',
        data: {
          teamId,
          priority: { mode: 'auto' },
          confirmationMessage: 'Connecting you.',
          offlineMessage: "We're offline right now.",
          offlineWhen: 'both',
          noAgentTimeoutMinutes: 10,
        },
      },
      ask('ask_email', 'Leave your email and we will write back.', 'email', 'email'),
      say('thanks', "Thanks! We'll write to {{email}} soon."),
      { id: 'end', type: 'end', data: {} },
    ],
    wires: [
      'start -> ask -> handoff',
      'handoff.offline -> ask_email',
      'handoff.no_agent_timeout -> ask_email -> thanks -> end',
    ],
  });
}

describe.each(databaseKinds)('the follow-up queue on %s', (kind) => {
  const overrides: Partial<Config> = {};
  const fake = useFakeResend(overrides);
  const t = useTestServer(kind, overrides);

  async function setup(label: string, officeClosed: boolean) {
    const { db, url } = t.current.server;
    const ws = await seedWorkspace(db, label, { agentOnline: false });
    const teamId = await seedTeam(db, ws.workspaceId, 'Billing', [ws.agent.id]);
    await publishFlow(db, ws.bot.id, offlineFlow(teamId));
    const openDay = KEYS[(new Date().getUTCDay() + 2) % 7]!;
    await writeOfficeHours(db, ws.workspaceId, null, {
      // Open only two days from now (UTC): closed now whatever the clock says.
      schedule: officeClosed
        ? { timezone: 'UTC', weekly: { [openDay]: [{ start: '09:00', end: '17:00' }] }, holidays: [] }
        : null,
      replyTime: { mode: 'manual', bucket: 'a few hours' },
      offlineWhen: { outsideHours: true, noAgentOnline: true },
    });
    const visitor = new TestVisitor(url, ws.bot.id);
    await visitor.start();
    return { db, url, ws, teamId, visitor, agent: await loginHeaders(url, ws.agent.email) };
  }

  const row = (id: string) =>
    t.current.server.db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const mailsTo = (address: string) => fake.current.deliveredTo(address);

  it('out of hours with nobody online: the urgent visitor waits in the queue with summary and priority; agents and admins emailed', async () => {
    const { db, ws, teamId, visitor, agent } = await setup('closed', true);
    const answer = await visitor.say(URGENT);
    const said = answer.replies.map((m) => (m.content.type === 'text' ? m.content.text : ''));
    expect(said.join('\n')).toContain("We're offline right now.");
    // The visitor still talks to the bot, which asks for the email.
    expect(answer.conversation.status).toBe('bot');
    expect(answer.conversation.awaiting?.type).toBe('input');

    const id = visitor.conversationId;
    const queued = await row(id);
    expect(queued.status).toBe('needs_agent');
    expect(queued.follow_up_reason).toBe('outside_hours');
    expect(queued.follow_up_since).not.toBeNull();
    // Promised: a few hours (at most 6) after the office opens, two days from now.
    expect(queued.reply_due_at!.getTime()).toBeGreaterThan(Date.now() + 24 * 3_600_000);
    expect(queued.team_id).toBe(teamId);

    const summarized = await waitFor(async () => {
      const r = await row(id);
      return r.summary_data && r.priority ? r : undefined;
    });
    expect(summarized.priority).toBe('urgent');
    const summary = summarized.summary_data as Json;
    expect(summary.problem).toMatch(/charged twice/);
    expect(summary.tone).toBe('angry');
    expect(summary.nextStep).toMatch(/duplicate charge/);

    // The inbox: in "Needs agent", marked as waiting for follow-up, since when and the promised reply time.
    const list = await t.current.call('GET', '/api/inbox/conversations?filter=needs_agent', agent);
    const listed = list.body.conversations.find((c: Json) => c.id === id);
    expect(listed.followUp).toEqual({
      reason: 'outside_hours',
      since: queued.follow_up_since!.toISOString(),
      replyDueAt: queued.reply_due_at!.toISOString(),
    });
    expect(listed.summaryData.problem).toBe(summary.problem);
    expect(listed.priority).toBe('urgent');

    // The team's agent was emailed through Resend, with the summary and the priority.
    const alert = await waitFor(async () => mailsTo(ws.agent.email)[0]);
    expect(alert.payload.subject).toBe(`[Urgent] New conversation waiting while you were away: ${'A visitor'}`);
    expect(alert.payload.text).toContain('charged twice');
    expect(alert.payload.text).toMatch(/Priority\s+urgent/i);
    // Urgent and nobody there: the admins are escalated at once, not after the SLA.
    await scanSlaEscalations(db, { publicUrl: 'https://desk.example.test' });
    const escalation = await waitFor(async () => mailsTo(ws.admin.email)[0]);
    expect(escalation.payload.subject).toBe('Escalation: urgent conversation with A visitor and nobody available');

    // The visitor leaves an email: the flow ends but the conversation stays in the queue, with the contact.
    const thanks = await visitor.say('late.visitor@example.com');
    expect(thanks.replies.map((m) => (m.content.type === 'text' ? m.content.text : ''))).toContain(
      "Thanks! We'll write to late.visitor@example.com soon.",
    );
    const after = await row(id);
    expect(after.status).toBe('needs_agent');
    expect(after.follow_up_reason).toBe('outside_hours');
    const visitorRow = await db
      .selectFrom('visitors')
      .select('email')
      .where('id', '=', after.visitor_id)
      .executeTakeFirstOrThrow();
    expect(visitorRow.email).toBe('late.visitor@example.com');

    // A later message goes to the team (the bot's flow is over) and the summary is written again.
    const later = await visitor.say('My order number is ORD-77812, please hurry');
    expect(later.replies).toEqual([]);
    const rewritten = await waitFor(async () => {
      const r = await row(id);
      const details = (r.summary_data as Json | null)?.details as Array<{ label: string; value: string }> | undefined;
      return details?.some((d) => d.value === 'ORD-77812') ? r : undefined;
    });
    expect((rewritten.summary_data as Json).details).toContainEqual({
      label: 'Email',
      value: 'late.visitor@example.com',
    });
    expect(rewritten.priority).toBe('urgent');
    expect(rewritten.summary).toContain('ORD-77812');
  });

  it('office open but nobody online: queued as no_agent_online and the agent emailed', async () => {
    const { ws, visitor } = await setup('nobody', false);
    await visitor.say('How do I export my invoices as PDF?');
    const queued = await row(visitor.conversationId);
    expect(queued.status).toBe('needs_agent');
    expect(queued.follow_up_reason).toBe('no_agent_online');
    const alert = await waitFor(async () => mailsTo(ws.agent.email)[0]);
    expect(alert.payload.subject).toBe('New conversation waiting while you were away: A visitor');
    await waitFor(async () => ((await row(visitor.conversationId)).summary ? true : undefined));
  });

  it("the widget's contact form queues a conversation the bot still holds, the same way", async () => {
    const { ws, visitor } = await setup('contact', true);
    expect((await row(visitor.conversationId)).status).toBe('bot');
    const response = await visitor.contact({ email: 'form.visitor@example.com', name: 'Fran' });
    expect(response.status).toBe(200);
    const queued = await row(visitor.conversationId);
    expect(queued.status).toBe('needs_agent');
    expect(queued.follow_up_reason).toBe('contact_form');
    const summarized = await waitFor(async () => {
      const r = await row(visitor.conversationId);
      return r.summary_data && r.priority ? r : undefined;
    });
    expect((summarized.summary_data as Json).details).toContainEqual({
      label: 'Email',
      value: 'form.visitor@example.com',
    });
    const alert = await waitFor(async () => mailsTo(ws.agent.email)[0]);
    expect(alert.payload.subject).toBe('New conversation waiting while you were away: Fran');

    // The visitor writes before any reply: the bot stays out, the summary and the priority follow the new text.
    const later = await visitor.say('Our checkout is down for all our customers, we are losing sales');
    expect(later.replies).toEqual([]);
    const rewritten = await waitFor(async () => {
      const r = await row(visitor.conversationId);
      return r.priority === 'urgent' ? r : undefined;
    });
    expect((rewritten.summary_data as Json).problem).toMatch(/checkout is down/);
  });

  it('a resolved follow-up that the visitor reopens is a new wait, without the old mark', async () => {
    const { visitor, agent } = await setup('reopen', true);
    await visitor.contact({ email: 'again@example.com' });
    expect((await row(visitor.conversationId)).follow_up_reason).toBe('contact_form');
    const resolved = await t.current.call('POST', `/api/inbox/conversations/${visitor.conversationId}/resolve`, agent);
    expect(resolved.status).toBe(200);
    await visitor.say('Hello again, one more question');
    const reopened = await row(visitor.conversationId);
    expect(reopened.status).toBe('needs_agent');
    expect([reopened.follow_up_since, reopened.follow_up_reason, reopened.reply_due_at]).toEqual([null, null, null]);
  });
});
