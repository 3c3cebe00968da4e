import type { Message, StartSessionResponse } from '@flowdesk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryMigrationProvider, migrateToLatest } from '../../src/db/migrate';
import { emailDb } from '../../src/email/tables';
import { type RunningServer, startServer } from '../../src/server';
import { databaseKinds, SETUP_TIMEOUT_MS, type TestDatabase } from '../db';
import { loginHeaders } from '../fixtures/accounts';
import { TestVisitor } from '../fixtures/visitor';
import { until as poll } from '../poll';
import { appliedMigrations, loadFixture, readManifest, rowCounts } from './load-fixture';

/**
 * Earlier builds' databases with data (test/fixtures/upgrade, made by build-fixture.ts from those commits):
 * the current runtime starts on them (its own migrations, as on a deploy), keeps every row, and every
 * conversation goes on from where the older build left it.
 */
const FIXTURES = [
  'nov25-30149c1', // the first day's last build: before handoff reasons, agent connections and render-time emails
  'nov26-231323c', // the release before flow calls were deferred (acb3548): no pending_effects table
  'dec04-f0080e9', // the last release before this one: one conversation waits for its HTTP call
];
const cases = FIXTURES.flatMap((fixture) => databaseKinds.map((kind) => [fixture, kind] as const));

const textOf = (message: Message) => {
  const content = message.content as { text?: string; prompt?: string };
  return content.text ?? content.prompt ?? '';
};
const botTexts = (messages: Message[], afterSeq: number) =>
  messages.filter((m) => m.author === 'bot' && m.seq > afterSeq).map(textOf);

const waitFor = (condition: () => Promise<boolean>, timeoutMs = 30_000) => poll(condition, timeoutMs, 50);

describe.each(cases)('upgrade from %s on %s', (fixture, kind) => {
  const manifest = readManifest(fixture);
  let database: TestDatabase;
  let server: RunningServer;
  let before: Record<string, number>;
  let after: Record<string, number>;
  let queuedEmails: string[];

  beforeAll(async () => {
    database = await loadFixture(kind, fixture);
    before = await rowCounts(database.db);
    const queued = await emailDb(database.db)
      .selectFrom('email_outbox')
      .select('id')
      .where('status', '=', 'pending')
      .execute();
    queuedEmails = queued.map((row) => row.id);
    // The server's own entry (it runs it again on start, then with nothing left to do); counted before the
    // email worker and the effect runner start writing.
    await migrateToLatest(database.db);
    after = await rowCounts(database.db);
    server = await startServer({ ...database.config, HTTP_BLOCK_ALLOW_PRIVATE: true }, { database });
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  /** The visitor of a fixture conversation, with the token the older build gave it. */
  const visitorOf = (label: string) => {
    const saved = manifest.conversations[label];
    if (!saved) throw new Error(`no ${label} conversation in ${fixture}`);
    const visitor = new TestVisitor(server.url, manifest.botId);
    visitor.session = { visitorToken: saved.token, conversation: { id: saved.id } } as StartSessionResponse;
    return visitor;
  };
  const conversationRow = (id: string) =>
    database.db
      .selectFrom('conversations')
      .select(['status', 'team_id', 'assignee_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  /** Writes as the visitor and waits for the bot's answers to it. */
  async function continueWith(label: string, send: (v: TestVisitor) => Promise<{ message: Message }>, last: string) {
    const visitor = visitorOf(label);
    const { message } = await send(visitor);
    const messages = await visitor.historyWhen((all) => botTexts(all, message.seq).includes(last));
    return { visitor, answers: botTexts(messages, message.seq), messages };
  }

  it('applies this build’s migrations and keeps every row of every table', async () => {
    const migrations = Object.keys(await new DirectoryMigrationProvider().getMigrations());
    expect(await appliedMigrations(database.db)).toEqual(migrations);
    for (const [table, count] of Object.entries(before)) {
      if (table === 'kysely_migration') expect(after[table], table).toBe(migrations.length);
      else expect(after[table], table).toBe(count);
    }
    expect(before.conversations).toBe(Object.keys(manifest.conversations).length);
    expect(before.messages).toBeGreaterThan(30);
    expect(before.email_outbox).toBeGreaterThan(0);
  });

  it('a visitor waiting at a capture gets the next step, not a restart or a person', async () => {
    const { answers, messages } = await continueWith('atName', (v) => v.say('Zoe'), 'What would you like, Zoe?');
    expect(answers).toEqual(['Nice to meet you, Zoe.', 'What would you like, Zoe?']);
    expect(messages.filter((m) => textOf(m) === 'Welcome to the upgrade shop.')).toHaveLength(1);
    expect(await conversationRow(manifest.conversations.atName!.id)).toMatchObject({ status: 'bot', team_id: null });
  });

  it('a visitor waiting at buttons gets the branch they pick, with the variables saved before', async () => {
    const { answers } = await continueWith('atMenu', (v) => v.pick('order', 'An order'), 'Which order number, Bea?');
    expect(answers).toEqual(['Which order number, Bea?']);
    expect(await conversationRow(manifest.conversations.atMenu!.id)).toMatchObject({ status: 'bot' });
  });

  it('a visitor at a second capture finishes the flow with every earlier answer, and the email is queued', async () => {
    const emailsBefore = await emailDb(database.db).selectFrom('email_outbox').select('id').execute();
    const { answers } = await continueWith('atOrder', (v) => v.say('B-2'), 'Goodbye, Cy!');
    expect(answers).toEqual(['Order B-2 for Cy (An order) noted.', 'Goodbye, Cy!']);
    const emails = await emailDb(database.db).selectFrom('email_outbox').selectAll().execute();
    const known = new Set(emailsBefore.map((row) => row.id));
    const added = emails.filter((row) => !known.has(row.id));
    // Others may be added meanwhile (alerts about the queued conversations): this one, once.
    expect(added.filter((row) => row.kind === 'flow_email').map((row) => row.subject)).toEqual(['Order B-2']);
  });

  it('the emails the older build queued are sent by this one', async () => {
    expect(queuedEmails.length).toBeGreaterThan(0);
    const ids = queuedEmails;
    await waitFor(async () => {
      const rows = await emailDb(database.db)
        .selectFrom('email_outbox')
        .select('status')
        .where('id', 'in', ids)
        .execute();
      return rows.every((row) => row.status === 'sent');
    });
  });

  it('a conversation handed back to the bot goes on from the menu it was shown', async () => {
    const { answers } = await continueWith('handedBack', (v) => v.pick('bye', 'Nothing'), 'Goodbye, Hal!');
    expect(answers).toEqual(['Goodbye, Hal!']);
  });

  if (manifest.conversations.pendingCall)
    it('a conversation waiting for a flow call when the older build stopped gets its answer, unprompted', async () => {
      const visitor = visitorOf('pendingCall');
      const messages = await visitor.historyWhen((all) => all.some((m) => textOf(m) === 'What would you like, Ida?'));
      // The call's port is long closed: the error branch, once, then the menu it leads back to.
      expect(botTexts(messages, 0).slice(-2)).toEqual(['No status right now, Ida.', 'What would you like, Ida?']);
      expect(await conversationRow(manifest.conversations.pendingCall!.id)).toMatchObject({ status: 'bot' });
      expect(await database.db.selectFrom('pending_effects').selectAll().execute()).toEqual([]);
    });

  it.each([
    ['withAgent', 'agent'],
    ['queued', 'needs_agent'],
  ])('a handed-off conversation (%s) stays with the team: the bot stays quiet', async (label, status) => {
    const id = manifest.conversations[label]!.id;
    const held = await conversationRow(id);
    expect(held).toMatchObject({ status, team_id: manifest.teamId });
    const visitor = visitorOf(label);
    const sent = await visitor.say('Are you still there?');
    expect(sent.replies).toEqual([]);
    expect(await conversationRow(id)).toEqual(held);
    const agent = await loginHeaders(server.url, manifest.agentEmail, manifest.password);
    const response = await fetch(`${server.url}/api/inbox/conversations/${id}`, { headers: agent });
    expect(response.status).toBe(200);
    const history = await visitor.history();
    expect(history.body.messages.at(-1)).toMatchObject({
      author: 'visitor',
      content: { text: 'Are you still there?' },
    });
  });
});
