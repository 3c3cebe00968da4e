import { LOOP_STOPPED_LINE } from '@flowdesk/engine';
import { FlowDocument } from '@flowdesk/flow-schema';
import { describe, expect, it } from 'vitest';
import { createFlow } from '../src/flows/repository';
import { checkPublishable } from '../src/flows/validation';
import { publishVersion } from '../src/flows/versions-repository';
import { databaseKinds } from './db';
import { loginHeaders, seedWorkspace } from './fixtures/accounts';
import { offlineLoop } from './fixtures/flows';
import { TestVisitor } from './fixtures/visitor';
import { useTestServer } from './server';

const botTexts = (messages: { author: string; content: { type: string } }[]) =>
  messages.filter((m) => m.author === 'bot').map((m) => (m.content as { text?: string }).text ?? m.content.type);

describe.each(databaseKinds)('a flow that loops through an offline handoff on %s', (kind) => {
  const t = useTestServer(kind);

  it('sends at most ten messages, says so in one line, hands over to the team and does not flood again', async () => {
    const { db } = t.current.server;
    const { bot, agent } = await seedWorkspace(db, 'loop', { agentOnline: false });
    // The publish check refuses this loop now...
    const check = checkPublishable(offlineLoop);
    expect(check.document).toBeNull();
    expect(check.problems.map((p) => p.code)).toContain('loop_without_input');
    // ...so it stands for one published before the check knew it: straight into the versions table.
    const document = FlowDocument.parse(offlineLoop);
    const { id } = await createFlow(db, { botId: bot.id, name: document.name, draft: document as never, userId: null });
    await publishVersion(db, { flowId: id, document: document as never, note: 'loop', userId: null });

    const visitor = new TestVisitor(t.current.server.url, bot.id);
    const session = await visitor.start();
    const first = await visitor.settled();
    const sent = botTexts(first);
    expect(sent.length).toBeGreaterThan(2);
    expect(sent.length).toBeLessThanOrEqual(10);
    expect(sent.at(-1)).toBe(LOOP_STOPPED_LINE);
    expect(sent.filter((line) => line === LOOP_STOPPED_LINE)).toHaveLength(1);
    expect(session.conversation.status).toBe('needs_agent');
    // The inbox sees why: a system event in the timeline.
    const events = first.filter((m) => m.content.type === 'event');
    expect(JSON.stringify(events)).toMatch(/too many messages/i);

    // The inbox shows the conversation waiting for the team, with the reason in its timeline.
    const headers = await loginHeaders(t.current.server.url, agent.email);
    const inbox = await t.current.call('GET', `/api/inbox/conversations/${visitor.conversationId}`, headers);
    expect(inbox.status).toBe(200);
    expect(inbox.body.conversation.status).toBe('needs_agent');
    const timeline = JSON.stringify(inbox.body.messages);
    expect(timeline).toMatch(/too many messages in a row/);
    expect(timeline).toMatch(/handed to a person/);

    const later = await visitor.say('hello?');
    expect(later.replies).toEqual([]);
    expect(later.conversation.status).toBe('needs_agent');
    const after = await visitor.settled();
    expect(botTexts(after)).toEqual(sent);
  });
});
