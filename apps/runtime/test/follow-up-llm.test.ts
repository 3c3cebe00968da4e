import { supportBotFlow } from '@flowdesk/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeOfficeHours } from '../src/office-hours/settings';
import { databaseKinds } from './db';
import { fakeOpenAiPerSuite } from './fakes/fake-openai-per-suite';
import { requestText } from './fakes/openai-server';
import { seedWorkspace } from './fixtures/accounts';
import { publishFlow } from './fixtures/flows';
import { TestVisitor } from './fixtures/visitor';
import { waitFor } from './poll';
import { type Json, useTestServer } from './server';

/**
 * Issue 18's 3 a.m. visitor on the demo flow, through the LangChain path against the fake OpenAI server:
 * typed at the main menu, the global "talk to a human" intent hands off with nobody online; the
 * conversation enters the follow-up queue and the model's structured summary and priority are written
 * (before: status stayed `bot`, no summary, no priority).
 */

const URGENT = 'I was charged twice and nobody answers, get me a real person NOW';
const SUMMARY = {
  problem: 'The visitor was charged twice and wants a person now.',
  botTried: [],
  details: [],
  tone: 'angry',
  nextStep: 'Refund the duplicate charge.',
};

describe.each(databaseKinds)('an urgent visitor with nobody online, LLM path, on %s', (kind) => {
  const openai = fakeOpenAiPerSuite('sk-follow-up');
  beforeAll(() => {
    openai.fake.setHandler((req) => {
      const name = req.response_format?.json_schema?.name;
      if (name === 'intent') {
        const talk = requestText(req).includes(URGENT);
        return { json: { intentId: talk ? 'talk_to_human' : 'none', confidence: talk ? 0.95 : 0.1 } };
      }
      if (name === 'priority') return { json: { priority: 'urgent', reason: 'Double charge, angry (model)' } };
      if (name === 'handoff_summary') return { json: SUMMARY };
      return { json: {} };
    });
  });
  const t = useTestServer(kind, openai.config);

  it('is queued for follow-up with the model’s summary and priority', async () => {
    const { db, url } = t.current.server;
    const ws = await seedWorkspace(db, 'llm-night', { agentOnline: false });
    await publishFlow(db, ws.bot.id, supportBotFlow);
    await writeOfficeHours(db, ws.workspaceId, null, {
      schedule: null,
      replyTime: { mode: 'manual', bucket: 'within a day' },
      offlineWhen: { outsideHours: true, noAgentOnline: true },
    });
    const visitor = new TestVisitor(url, ws.bot.id);
    await visitor.start();
    await visitor.say(URGENT);
    // The intent is matched by a call the runtime makes after answering: wait for the bot's offline branch.
    await visitor.historyWhen((messages) =>
      messages.some((m) => m.content.type === 'input' || JSON.stringify(m.content).includes('Leave your email')),
    );
    const row = await waitFor(async () => {
      const r = await db
        .selectFrom('conversations')
        .selectAll()
        .where('id', '=', visitor.conversationId)
        .executeTakeFirstOrThrow();
      return r.summary_data && r.priority ? r : undefined;
    });
    expect(row.status).toBe('needs_agent');
    expect(row.follow_up_reason).toBe('no_agent_online');
    expect(row.priority).toBe('urgent');
    expect(row.priority_reason).toBe('Double charge, angry (model)');
    expect(row.summary_data).toEqual(SUMMARY as Json);
    expect(row.summary).toContain('Next step: Refund the duplicate charge.');
    // Promised "within a day" from now (no office hours).
    const promisedMs = row.reply_due_at!.getTime() - row.follow_up_since!.getTime();
    expect(promisedMs).toBeGreaterThan(24 * 3_600_000 - 60_000);
    expect(promisedMs).toBeLessThanOrEqual(24 * 3_600_000);
  });
});
