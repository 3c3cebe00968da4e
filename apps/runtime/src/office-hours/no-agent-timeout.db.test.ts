import { supportBotFlow } from '@flowdesk/engine';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../test/db';
import { useAppWith } from '../../test/email/app-harness';
import { botAndVisitor, startFastEmailWorker } from '../../test/email/live-areas';
import { seedWorkspace } from '../../test/fixtures/accounts';
import { publishFlow } from '../../test/fixtures/flows';
import { waitFor } from '../../test/poll';
import type { Database } from '../db/schema';
import { emailDb } from '../email/tables';
import type { Services } from '../services';
import { scanNoAgentTimeouts, waitingHandoffBlock } from './no-agent-timeout';
import { firstResponseDurations } from './reply-time-query';

const min = (n: number) => n * 60_000;
const handoffReason = async (db: Kysely<Database>, id: string) =>
  (
    await sql<{ reason: string | null }>`select handoff_reason as reason from conversations where id = ${id}`.execute(
      db,
    )
  ).rows[0]?.reason;

/**
 * A new workspace (its agent online) whose bot runs the demo support flow, and a conversation started with it;
 * `pickHuman` is the visitor choosing "Talk to a human".
 */
async function supportBotConversation(services: Services, label: string) {
  const { db } = services;
  const ws = await seedWorkspace(db, label);
  await publishFlow(db, ws.bot.id, supportBotFlow);
  const { bot, visitor } = await botAndVisitor(db, ws.bot.id);
  const { id } = await services.conversations.start(bot, visitor, {});
  const pickHuman = (clientId = 'pick') =>
    services.conversations.visitorMessage(id, visitor, {
      clientId,
      content: { type: 'choice_reply', optionId: 'human', label: 'Talk to a human' },
    });
  return { ws, visitor, id, pickHuman };
}

describe('waitingHandoffBlock', () => {
  const doc = {
    blocks: [
      { id: 'h', type: 'human_handoff', data: { noAgentTimeoutMinutes: 7 } },
      { id: 'm', type: 'message' },
    ],
  };
  it('finds the handoff block a snapshot waits in, and nothing else', () => {
    expect(waitingHandoffBlock({ status: 'handoff', activeBlockId: 'h' }, doc)?.noAgentTimeoutMinutes).toBe(7);
    expect(waitingHandoffBlock({ status: 'waiting', activeBlockId: 'h' }, doc)).toBeNull();
    expect(waitingHandoffBlock({ status: 'handoff', activeBlockId: 'm' }, doc)).toBeNull();
    expect(waitingHandoffBlock(null, doc)).toBeNull();
    expect(waitingHandoffBlock({ status: 'handoff', activeBlockId: 'h' }, null)).toBeNull();
  });
});

describe.each(databaseKinds)('no-agent timeout on %s', (kind) => {
  const t = useAppWith(kind, () => {});

  it('takes the no_agent_timeout output after the block timeout, then the flow emails the team', async () => {
    const { services } = t;
    const { db } = services;
    const { visitor, id, pickHuman } = await supportBotConversation(services, 'timeout');
    const email = startFastEmailWorker(services);
    const handed = await pickHuman();
    expect(handed.conversation.status).toBe('needs_agent');
    const handedOffAt = (
      await db.selectFrom('conversations').select('handed_off_at').where('id', '=', id).executeTakeFirstOrThrow()
    ).handed_off_at!;

    expect(await scanNoAgentTimeouts(services, new Date(handedOffAt.getTime() + min(9)))).toBe(0);
    expect(await scanNoAgentTimeouts(services, new Date(handedOffAt.getTime() + min(11)))).toBe(1);
    expect(await scanNoAgentTimeouts(services, new Date(handedOffAt.getTime() + min(12)))).toBe(0);
    const after = await db
      .selectFrom('conversations')
      .select(['status', 'follow_up_reason', 'follow_up_since'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // Nobody replied in time: still in the team's queue, now waiting for follow-up, while the bot asks for an email.
    expect(after.status).toBe('needs_agent');
    expect(after.follow_up_reason).toBe('no_reply_in_time');
    expect(after.follow_up_since).not.toBeNull();
    const prompt = await db
      .selectFrom('messages')
      .select(['payload'])
      .where('conversation_id', '=', id)
      // The AI priority event of the handoff may land after the scan; the bot's own last word is what counts.
      .where('author_kind', '=', 'bot')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(prompt.payload)).toContain("Leave your email and we'll get back to you");

    await services.conversations.visitorMessage(id, visitor, {
      clientId: 'mail',
      content: { type: 'text', text: 'zoe@example.test' },
    });
    email.loop.kick();
    const mail = await waitFor(() =>
      emailDb(db).selectFrom('mailbox').selectAll().where('to_address', '=', 'support@acme.example').executeTakeFirst(),
    );
    expect(mail.subject).toBe('Chat follow-up requested by zoe@example.test');
    expect(mail.text).toContain('A visitor asked to be contacted at zoe@example.test.');
    await email.loop.stop();
  });

  it('fires again on a second handoff after an agent answered the first one and handed back', async () => {
    const { services } = t;
    const { db } = services;
    const { ws, id, pickHuman } = await supportBotConversation(services, 'timeout-again');
    const state = () =>
      db
        .selectFrom('conversations')
        .select(['status', 'handed_off_at', 'first_response_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();

    expect((await pickHuman('first')).conversation.status).toBe('needs_agent');
    expect(await handoffReason(db, id)).toBe('flow');
    await services.conversations.agentMessage(id, { id: ws.agent.id, name: 'Agent' }, { type: 'text', text: 'Hi!' });
    const answered = await state();
    expect(answered.first_response_at).not.toBeNull();
    await services.conversations.engineEvent(id, { type: 'handback' }, { resumeBot: true });
    expect((await state()).status).toBe('bot');

    expect((await pickHuman('second')).conversation.status).toBe('needs_agent');
    const second = await state();
    expect(second.first_response_at).toBeNull();
    expect(second.handed_off_at!.getTime()).toBeGreaterThan(answered.handed_off_at!.getTime());
    expect(await scanNoAgentTimeouts(services, new Date(second.handed_off_at!.getTime() + min(11)))).toBe(1);
    expect((await state()).status).toBe('needs_agent');
    const marked = await db
      .selectFrom('conversations')
      .select('follow_up_reason')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(marked.follow_up_reason).toBe('no_reply_in_time');
  });

  it('fires again after a resolved conversation is reopened by the visitor', async () => {
    const { services } = t;
    const { db } = services;
    const { ws, visitor, id, pickHuman } = await supportBotConversation(services, 'timeout-reopen');
    await pickHuman();
    await services.conversations.agentMessage(id, { id: ws.agent.id, name: 'Agent' }, { type: 'text', text: 'Hi!' });
    await db
      .updateTable('conversations')
      .set({ status: 'resolved', resolved_at: new Date() })
      .where('id', '=', id)
      .execute();

    const reopened = await services.conversations.visitorMessage(id, visitor, {
      clientId: 'again',
      content: { type: 'text', text: 'It is broken again' },
    });
    expect(reopened.conversation.status).toBe('needs_agent');
    expect(reopened.conversation.first_response_at).toBeNull();
    expect(await handoffReason(db, id)).toBe('reopen');
    const handedOffAt = reopened.conversation.handed_off_at!.getTime();
    expect(await scanNoAgentTimeouts(services, new Date(handedOffAt + min(11)))).toBe(1);
  });

  it('records a takeover as such, so its instant reply stays out of the reply time', async () => {
    const { services } = t;
    const { db } = services;
    const { ws, id } = await supportBotConversation(services, 'takeover');
    await services.conversations.handoff(id, { reason: 'takeover', blockId: null, settings: null });
    expect(await handoffReason(db, id)).toBe('takeover');
    await services.conversations.agentMessage(id, { id: ws.agent.id, name: 'Agent' }, { type: 'text', text: 'Hi!' });
    const scope = { workspaceId: ws.workspaceId, teamId: null, now: new Date(Date.now() + 1000) };
    expect(await firstResponseDurations(db, scope)).toEqual([]);
  });

  it('leaves the conversation to the agent who replied between the scan and its action', async () => {
    const { services } = t;
    const { db } = services;
    const { ws, id, pickHuman } = await supportBotConversation(services, 'timeout-race');
    const handed = await pickHuman();
    const later = new Date(handed.conversation.handed_off_at!.getTime() + min(11));
    const replyMeanwhile = async (conversationId: string) => {
      await services.conversations.agentMessage(
        conversationId,
        { id: ws.agent.id, name: 'Agent' },
        { type: 'text', text: 'On it!' },
      );
    };

    expect(await scanNoAgentTimeouts(services, later, { beforeFire: replyMeanwhile })).toBe(0);
    const after = await db
      .selectFrom('conversations')
      .select(['status', 'assignee_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'agent', assignee_id: ws.agent.id });
    const last = await db
      .selectFrom('messages')
      .select(['author_kind'])
      .where('conversation_id', '=', id)
      .where('author_kind', 'in', ['bot', 'agent'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.author_kind).toBe('agent');
  });
});
