import { describe, expect, it } from 'vitest';
import type { SummarizeInput } from '../../src/ai/provider';
import { SummaryRewriter } from '../../src/inbox/summary-rewrite';
import { databaseKinds } from '../db';
import { useAppWith } from '../email/app-harness';
import { seedTeam } from '../email/fixtures';
import { botAndVisitor } from '../email/live-areas';
import { seedWorkspace } from '../fixtures/accounts';
import { publishFlow } from '../fixtures/flows';
import { waitFor } from '../poll';
import { handoffFlow } from './fixtures';

/** Issue 18 item 4: the summary follows what the visitor writes after the handoff, until an agent replies. */
describe.each(databaseKinds)('the handoff summary written again on %s', (kind) => {
  const t = useAppWith(kind, () => {});

  async function handedOff(label: string) {
    const { services } = t;
    const { db } = services;
    const ws = await seedWorkspace(db, label);
    const teamId = await seedTeam(db, ws.workspaceId, 'Support', [ws.agent.id]);
    await publishFlow(db, ws.bot.id, handoffFlow(teamId));
    const { bot, visitor } = await botAndVisitor(db, ws.bot.id, 'Ines');
    const { id } = await services.conversations.start(bot, visitor, {});
    await services.conversations.visitorMessage(id, visitor, {
      clientId: 'first',
      content: { type: 'text', text: 'Hello, I need help with my account' },
    });
    const row = () => db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await waitFor(async () => ((await row()).summary_data ? true : undefined));
    await services.background.idle();
    const calls: SummarizeInput[] = [];
    const summarize = services.ai.summarize.bind(services.ai);
    services.ai.summarize = (input) => {
      calls.push(input);
      return summarize(input);
    };
    const say = (clientId: string, text: string) =>
      services.conversations.visitorMessage(id, visitor, { clientId, content: { type: 'text', text } });
    return { services, ws, id, row, calls, say };
  }

  it('several quick lines give one rewrite, with the new details; the priority follows the new text', async () => {
    const { services, row, calls, say } = await handedOff('rewrite');
    expect((await row()).priority).toBe('low');
    // A long quiet time, fired by hand: the three lines below are one burst whatever the machine's speed.
    const rewriter = new SummaryRewriter(services, 3_600_000);
    for (const [i, text] of [
      'I cannot log in since this morning',
      'My account email is ines@example.com',
      'Order ORD-4417 is stuck too',
    ].entries()) {
      const before = await row();
      await say(`more-${i}`, text);
      rewriter.afterVisitorMessage(before);
    }
    expect(rewriter.scheduled).toBe(1);
    rewriter.fire();
    await services.background.idle();
    // The app's own rewriter (2 s debounce) may run too; the summary saw the whole burst.
    const mine = calls.filter((c) => c.transcript.some((l) => l.text === 'Order ORD-4417 is stuck too'));
    expect(mine.length).toBeGreaterThanOrEqual(1);
    const after = await row();
    const details = (after.summary_data as { details: Array<{ label: string; value: string }> }).details;
    expect(details).toContainEqual({ label: 'Email', value: 'ines@example.com' });
    expect(details.map((d) => d.value)).toContain('ORD-4417');
    expect(after.summary).toContain('ORD-4417');
    // "cannot log in" is account access: the new text raised the priority.
    expect(after.priority).toBe('high');
    rewriter.close();
  });

  it('keeps a priority an agent set, and stops once an agent replied', async () => {
    const { services, ws, id, row, say } = await handedOff('kept');
    await services.db
      .updateTable('conversations')
      .set({ priority: 'medium', priority_reason: 'Set by Andy Agent' })
      .where('id', '=', id)
      .execute();
    const rewriter = new SummaryRewriter(services, 3_600_000);
    const before = await row();
    await say('urgent', 'Our whole site is down for all our customers, we are losing sales right now');
    rewriter.afterVisitorMessage(before);
    rewriter.fire();
    await services.background.idle();
    const rewritten = await row();
    expect((rewritten.summary_data as { problem: string }).problem).toMatch(/site is down/);
    expect(rewritten.priority).toBe('medium');

    await services.conversations.agentMessage(id, { id: ws.agent.id, name: 'Andy' }, { type: 'text', text: 'On it' });
    const answered = await row();
    await say('after', 'Thanks, also order ORD-9 is late');
    rewriter.afterVisitorMessage(answered);
    expect(rewriter.scheduled).toBe(0);
    rewriter.close();
  });
});
