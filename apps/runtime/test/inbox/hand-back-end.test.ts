import { describe, expect, it } from 'vitest';
import { loginHeaders } from '../fixtures/accounts';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { useTestServer } from '../server';
import { seedInbox, texts } from './fixtures';

describe('hand back: "End the conversation"', () => {
  const t = useTestServer('pglite');

  it('ends the flow and resolves the conversation: the visitor is told, the bot does not resume', async () => {
    const { url } = t.current.server;
    const seed = await seedInbox(t.current.server.db);
    const admin = await loginHeaders(url, seed.a.admin.email);
    const call = (path: string, json?: unknown) =>
      t.current.call('POST', `/api/inbox/conversations${path}`, admin, json);
    const visitor = new TestVisitor(url, seed.a.bot.id);
    await visitor.start();
    const id = visitor.conversationId;
    // The bot waits for an answer to its question when the admin takes over.
    expect((await visitor.history(0)).body.conversation.awaiting).not.toBeNull();
    const visitorSocket = await TestSocket.open(wsUrl(url, `?visitorToken=${visitor.token}`));
    visitorSocket.send({ type: 'subscribe', conversationId: id, afterSeq: 0 });
    expect((await call(`/${id}/takeover`)).status).toBe(200);
    await t.current.server.services.background.idle();

    expect((await call(`/${id}/handback`, { blockId: 'rate', end: true })).status).toBe(400);

    const ended = await call(`/${id}/handback`, { blockId: null, end: true });
    expect(ended.status).toBe(200);
    expect(ended.body).toEqual({ status: 'resolved', replies: [] });

    const history = await visitor.history(0);
    expect(history.body.conversation.status).toBe('resolved');
    // Nothing the flow waited for stays open, and the bot said nothing more.
    expect(history.body.conversation.awaiting).toBeNull();
    expect(texts(history.body.messages)).toContain('Alice Admin ended the conversation');
    expect(texts(history.body.messages)).not.toContain('Welcome back to the bot!');
    await visitorSocket.until(
      (frames) =>
        texts(visitorSocket.messages()).includes('Alice Admin ended the conversation') &&
        frames.some((frame) => frame.type === 'conversation' && frame.conversation.status === 'resolved'),
    );
    await visitorSocket.close();

    // Ending again changes nothing; the visitor writing again reopens it for the agents, not the bot.
    expect((await call(`/${id}/handback`, { end: true })).body.status).toBe('resolved');
    const again = await visitor.say('One more thing');
    expect(again.replies).toEqual([]);
    expect(again.conversation.status).toBe('needs_agent');
  });
});
