import type { VisitorReach } from '@flowdesk/contract';
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../db';
import { TestVisitor } from '../fixtures/visitor';
import { eventually } from '../poll';
import { useContinuityServer } from './continuity-harness';

/** The inbox tells the agent how a reply reaches the visitor: the conversation view before, the reply's answer after. */
describe.each(databaseKinds)('how a reply reaches the visitor, on %s', (kind) => {
  const s = useContinuityServer(kind);

  const detailReach = async (conversationId: string) => {
    const detail = await s.server.current.call('GET', `/api/inbox/conversations/${conversationId}`, s.agentHeaders);
    expect(detail.status).toBe(200);
    return detail.body.visitor.reach as VisitorReach;
  };
  const replyReach = async (conversationId: string, text: string) => {
    const answer = await s.reply(conversationId, text);
    expect(answer.status).toBe(201);
    return answer.body.reach as VisitorReach;
  };
  it('in the chat: at once; after they leave with an email: by email; gone without one: when they come back', async () => {
    const vera = await s.visitor('vera.reach@example.test');
    const socket = await s.openWidget(vera);
    expect(await detailReach(vera.conversationId)).toEqual({ via: 'chat', inChat: true });
    expect(await replyReach(vera.conversationId, 'Live answer')).toEqual({ via: 'chat', inChat: true });
    await socket.close();
    await eventually(async () => (await detailReach(vera.conversationId)).via === 'email');
    expect(await replyReach(vera.conversationId, 'Emailed answer')).toEqual({ via: 'email', inChat: false });

    const anonymous = new TestVisitor(s.url, s.botId);
    await anonymous.start();
    expect(await detailReach(anonymous.conversationId)).toEqual({ via: 'later', inChat: false });
    expect(await replyReach(anonymous.conversationId, 'For when you are back')).toEqual({
      via: 'later',
      inChat: false,
    });
  });

  it('asked to be answered by email: by email while in the chat too; unsubscribed: no longer by email', async () => {
    const vera = await s.visitor('vera.asked@example.test');
    const socket = await s.openWidget(vera);
    try {
      const contact = await vera.contact({ email: 'vera.asked@example.test' });
      expect(contact.status).toBe(200);
      expect(await detailReach(vera.conversationId)).toEqual({ via: 'email', inChat: true });
      await s.db
        .insertInto('email_unsubscribes' as never)
        .values({ address: 'vera.asked@example.test', kind: 'all' } as never)
        .execute();
      expect(await replyReach(vera.conversationId, 'Seen in the chat only')).toEqual({ via: 'chat', inChat: true });
    } finally {
      await socket.close();
    }
    await eventually(async () => (await detailReach(vera.conversationId)).via === 'later');
  });
});
