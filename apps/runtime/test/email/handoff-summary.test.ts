import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RUNTIME_MODULES } from '../../src/areas';
import { notifyNeedsAttention } from '../../src/email/notifications';
import { SUMMARY_WAIT_MS } from '../../src/email/refresh';
import { emailDb } from '../../src/email/tables';
import { recoverLostSummaries, startSummaryRecovery } from '../../src/inbox/summary';
import type { RuntimeModule } from '../../src/modules';
import { databaseKinds, useTestDatabase } from '../db';
import { type FakeResendServer, startFakeResend } from '../fakes/resend-server';
import { seedWorkspace as seedAccounts } from '../fixtures/accounts';
import { publishFlow } from '../fixtures/flows';
import { handoffFlow } from '../inbox/fixtures';
import { waitFor } from '../poll';
import { useAppWith } from './app-harness';
import { seedConversation, seedTeam, seedUser, seedWorkspace } from './fixtures';
import { botAndVisitor, startFastEmailWorker, supportTeamWithOfflineColleague } from './live-areas';
import { outboxByKind, resendWorker, testClock } from './outbox-helpers';

const PUBLIC_URL = 'https://desk.example.test';
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** While `dropped`, the after-handoff work (the AI summary) never runs: the process "died" after the commit. */
const crash = { dropped: false };
const crashableModules: RuntimeModule[] = RUNTIME_MODULES.map((module) => {
  const afterHandoff = module.hooks?.afterHandoff;
  if (!afterHandoff) return module;
  return {
    ...module,
    hooks: {
      ...module.hooks,
      afterHandoff: (services, conversationId, context) =>
        crash.dropped ? Promise.resolve() : afterHandoff(services, conversationId, context),
    },
  };
});

describe.each(databaseKinds)('handoff emails carry the AI summary and priority on %s', (kind) => {
  const t = useAppWith(kind, () => {}, {}, crashableModules);

  it('a real handoff: the assignee and the team get the summary and priority the AI wrote after the commit', async () => {
    const { services } = t;
    const { db } = services;
    const ws = await seedAccounts(db, 'summary'); // its agent online
    const { colleague, teamId } = await supportTeamWithOfflineColleague(db, ws);
    await publishFlow(db, ws.bot.id, handoffFlow(teamId)); // priority: auto (the AI rates it)
    const email = startFastEmailWorker(services);

    const { bot, visitor } = await botAndVisitor(db, ws.bot.id, 'Zoé');
    const conversation = await services.conversations.start(bot, visitor, {});
    const handed = await services.conversations.visitorMessage(conversation.id, visitor, {
      clientId: 'c1',
      content: { type: 'text', text: 'I was charged twice for my subscription and need a refund urgently' },
    });
    // In the handoff transaction nothing has summarized the conversation yet.
    expect(handed.conversation.status).toBe('needs_agent');
    expect(handed.conversation.summary).toBeNull();

    const mails = await waitFor(async () => {
      const rows = await emailDb(db)
        .selectFrom('mailbox')
        .selectAll()
        .where('workspace_id', '=', ws.workspaceId)
        .execute();
      return rows.length === 2 ? rows : undefined;
    });
    await services.background.idle();
    const { summary, priority } = await db
      .selectFrom('conversations')
      .select(['summary', 'priority'])
      .where('id', '=', conversation.id)
      .executeTakeFirstOrThrow();
    expect(summary).toBeTruthy();
    expect(priority).toBeTruthy();
    expect(mails.map((m) => m.to_address).sort()).toEqual([colleague.email, ws.agent.email].sort());
    for (const mail of mails) {
      expect(flat(mail.text)).toContain(flat(summary!));
      expect(mail.text).toMatch(new RegExp(`Priority\\s+${priority}`, 'i'));
    }
    // The outbox kept its rows (and keys): one per recipient, now holding what was sent. A row is marked sent
    // in its own write right after the mailbox took the email, so wait for that write.
    const rows = await waitFor(async () => {
      const found = await outboxByKind(db, { workspaceId: ws.workspaceId });
      return found.every((r) => r.status !== 'sending' && r.status !== 'pending') ? found : undefined;
    });
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ['assigned_to_you', 'sent'],
      ['needs_attention', 'sent'],
    ]);
    expect(rows.every((r) => flat(r.text).includes(flat(summary!)))).toBe(true);
    await email.loop.stop();
  });

  it('a summary lost in a crash after the handoff is written again by the recovery scan', async () => {
    const { services } = t;
    const { db } = services;
    const ws = await seedAccounts(db, 'lost');
    await publishFlow(db, ws.bot.id, handoffFlow(null));
    // The process "dies" right after the commit: the in-memory summary task never runs.
    crash.dropped = true;
    const { bot, visitor } = await botAndVisitor(db, ws.bot.id, 'Max');
    const conversation = await services.conversations.start(bot, visitor, {});
    const handed = await services.conversations.visitorMessage(conversation.id, visitor, {
      clientId: 'c1',
      content: { type: 'text', text: 'The app crashes every time I open my invoices, please help' },
    });
    crash.dropped = false;
    expect(handed.conversation.status).toBe('needs_agent');
    const row = () =>
      db
        .selectFrom('conversations')
        .select(['summary', 'priority', 'priority_reason'])
        .where('id', '=', conversation.id)
        .executeTakeFirstOrThrow();
    expect((await row()).summary).toBeNull();

    const handedOffAt = handed.conversation.handed_off_at!.getTime();
    // Too fresh: the summary may still be on its way.
    expect(await recoverLostSummaries(services, new Date(handedOffAt + 1000))).toBe(0);
    expect(await recoverLostSummaries(services, new Date(handedOffAt + 60_000))).toBeGreaterThanOrEqual(1);
    const recovered = await row();
    expect(recovered.summary).toBeTruthy();
    expect(recovered.priority).toBeTruthy();
    expect(await recoverLostSummaries(services, new Date(handedOffAt + 90_000))).toBe(0);

    // At start-up (a restarted instance) the scan runs at once.
    await db
      .updateTable('conversations')
      .set({ summary: null, handed_off_at: new Date(Date.now() - 60_000) })
      .where('id', '=', conversation.id)
      .execute();
    startSummaryRecovery(services, 3_600_000);
    await waitFor(async () => ((await row()).summary ? true : undefined), 10_000);
  });
});

describe.each(databaseKinds)('the outbox worker and the summary written after the handoff on %s', (kind) => {
  const t = useTestDatabase(kind);
  let fake: FakeResendServer;
  beforeEach(async () => {
    fake = await startFakeResend();
  });
  afterEach(() => fake.close());

  async function waitingHandoff() {
    const { db } = t.current;
    const ws = await seedWorkspace(db);
    const agent = await seedUser(db, ws.workspaceId, 'Ana');
    const teamId = await seedTeam(db, ws.workspaceId, 'Support', [agent.id]);
    const clock = testClock();
    const conversationId = await seedConversation(db, ws, {
      status: 'needs_agent',
      team_id: teamId,
      handed_off_at: clock.now(),
    });
    const ctx = { publicUrl: PUBLIC_URL, now: clock.now() };
    await db.transaction().execute((trx) => notifyNeedsAttention(trx, ctx, conversationId));
    const key = async () =>
      (await emailDb(db).selectFrom('email_outbox').select('idempotency_key').executeTakeFirstOrThrow())
        .idempotency_key;
    /** The summary writer's result landing: an urgent conversation, money lost. */
    const summarize = (summary: string) =>
      db
        .updateTable('conversations')
        .set({ summary, priority: 'urgent', priority_reason: 'money lost' })
        .where('id', '=', conversationId)
        .execute();
    return { db, clock, conversationId, key, summarize, worker: resendWorker(db, fake, clock) };
  }

  it('waits for the summary, then sends the email rendered with it, under the same idempotency key', async () => {
    const { db, clock, key, summarize, worker } = await waitingHandoff();
    const queuedKey = await key();
    expect(await worker.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(1000);
    expect(await worker.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(fake.delivered).toHaveLength(0);

    await summarize('Charged twice; wants a refund');
    clock.advance(1000);
    expect(await worker.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const mail = fake.delivered[0]!;
    expect(mail.payload.subject).toBe('[Urgent] visitor@example.test needs an agent');
    expect(mail.payload.text).toContain('Charged twice; wants a refund');
    expect(mail.payload.text).toContain('urgent — money lost');
    expect(mail.idempotencyKey).toBe(queuedKey);
    const row = await emailDb(db).selectFrom('email_outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.attempts).toBe(1);
    expect(row.text).toContain('Charged twice; wants a refund');
  });

  it('a retry after an accepted-but-timed-out send sends the same body, even when the priority changed meanwhile', async () => {
    const { db, clock, summarize } = await waitingHandoff();
    clock.advance(SUMMARY_WAIT_MS);
    const impatient = resendWorker(db, fake, clock, { timeoutMs: 300 });
    fake.inject({ hang: true, deliver: true });
    expect(await impatient.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    await summarize('Charged twice');
    clock.advance(2000);
    // Re-rendering here sent another body under the same key: Resend said 409 and the row ended failed.
    expect(await resendWorker(db, fake, clock).runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(fake.requests.map((r) => r.status)).toEqual(['hung', 200]);
    expect(fake.requests[1]!.body).toEqual(fake.requests[0]!.body);
    expect(fake.delivered).toHaveLength(1);
  });

  it('a 409 for a key already used with another body settles the row as sent (the email went out)', async () => {
    const { db, clock, conversationId } = await waitingHandoff();
    clock.advance(SUMMARY_WAIT_MS);
    fake.inject({ status: 409, body: { statusCode: 409, name: 'invalid_idempotent_request', message: 'Same key.' } });
    expect(await resendWorker(db, fake, clock).runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const row = await emailDb(db)
      .selectFrom('email_outbox')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    expect(row.provider_id).toMatch(/^idempotency-key:/);
  });

  it('sends without the summary once the wait is over', async () => {
    const { clock, worker } = await waitingHandoff();
    expect(await worker.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(SUMMARY_WAIT_MS);
    expect(await worker.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(fake.delivered[0]!.payload.text).not.toContain('Summary');
  });
});
