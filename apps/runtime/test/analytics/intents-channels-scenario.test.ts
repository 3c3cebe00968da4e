import { describe, expect, it } from 'vitest';
import { analyticsDb } from '../../src/analytics/facts';
import { receiveInboundEmail } from '../../src/email/continuity/inbound';
import { conversationReplyAddress } from '../../src/email/continuity/reply-address';
import { databaseKinds } from '../db';
import { utcDateFromNow } from '../fixtures/dates';
import { ask, flowDocument, say, start } from '../fixtures/flow-builder';
import { TestVisitor } from '../fixtures/visitor';
import { useTestServer } from '../server';
import { adminWithLiveFlow } from './live-flow-scenario';
import { expectBlockFiguresRecount, expectSummariesRecount } from './summary-recount';

const REPLY_DOMAIN = 'reply.example.test';
const WIDGET = { 'x-flowdesk-client': 'widget' };

/**
 * ask → Match Intent (refund → tip → ask; parcel → handoff; no match → ask again); a global "talk to a
 * human" trigger → handoff. Visitors type the intents' phrases, which the offline classifier matches.
 */
const supportFlow = flowDocument({
  id: 'support',
  name: 'Support',
  intents: [
    { id: 'refund', name: 'Refund', phrases: ['i want a refund'] },
    { id: 'parcel', name: 'Parcel', phrases: ['where is my parcel'] },
    { id: 'human', name: 'Talk to a human', phrases: ['talk to a human'] },
  ],
  blocks: [
    start(),
    ask('ask', 'How can I help?', 'q'),
    { id: 'mi', type: 'match_intent', data: { intentIds: ['refund', 'parcel'] } },
    say('tip', 'Refunds take 5 days.'),
    { id: 'parcel_handoff', type: 'human_handoff', data: {} },
    { id: 'trigger', type: 'intent_trigger', data: { intentId: 'human', scope: 'global' } },
    { id: 'handoff', type: 'human_handoff', data: {} },
  ],
  wires: [
    'start -> ask -> mi',
    'mi.refund -> tip -> ask',
    'mi.parcel -> parcel_handoff',
    'mi.no_match -> ask',
    'trigger -> handoff',
  ],
});

describe.each(databaseKinds)('analytics of intents and channels on %s', (kind) => {
  const t = useTestServer(kind);

  it('records intent matches and the intent of each handoff; filters by the channel the conversation used', async () => {
    const { bot, admin, workspaceId, adminHeaders, call, flowId, versionId } = await adminWithLiveFlow(
      t,
      'intents',
      'Support',
      supportFlow,
    );
    const visitor = async (headers: Record<string, string>) => {
      const v = new TestVisitor(t.current.server.url, bot.id, undefined, headers);
      await v.start();
      return v;
    };

    // P (widget): refund matched, then nothing matched, then the parcel intent hands off.
    const p = await visitor(WIDGET);
    expect((await p.say('i want a refund')).replies.map((m) => m.content)).toContainEqual({
      type: 'text',
      text: 'Refunds take 5 days.',
    });
    await p.say('hello there');
    expect((await p.say('where is my parcel')).conversation.status).toBe('needs_agent');
    // Q (widget): the global trigger hands off.
    const q = await visitor(WIDGET);
    expect((await q.say('talk to a human')).conversation.status).toBe('needs_agent');
    // R (another API client, no widget header): refund, then the global trigger.
    const r = await visitor({});
    await r.say('i want a refund');
    expect((await r.say('talk to a human')).conversation.status).toBe('needs_agent');
    // S (widget): hands off, the agent answers, S replies by email, the agent resolves.
    const s = await visitor(WIDGET);
    await s.say('talk to a human');
    expect((await call('POST', `/api/inbox/conversations/${s.conversationId}/messages`, { text: 'Hi' })).status).toBe(
      201,
    );
    const services = t.current.server.services;
    const to = await conversationReplyAddress(services.db, s.conversationId, REPLY_DOMAIN);
    const inbound = await receiveInboundEmail(
      services,
      {
        eventId: 'evt-s-1',
        providerEmailId: null,
        recipients: [to],
        from: 'S <s@example.test>',
        subject: 'Re: Hi',
        text: 'Thanks, by email now.',
        html: null,
        attachments: [],
      },
      REPLY_DOMAIN,
    );
    expect(inbound.status).toBe('stored');
    expect((await call('POST', `/api/inbox/conversations/${s.conversationId}/resolve`)).status).toBe(200);

    const facts = await analyticsDb(services.db)
      .selectFrom('analytics_facts')
      .select(['conversation_id', 'kind', 'block_id', 'intent', 'channel', 'payload'])
      .where('workspace_id', '=', workspaceId)
      .where('kind', 'in', ['intent_matched', 'handoff', 'first_response', 'resolved'])
      .orderBy('id')
      .execute();
    const of = (id: string) => facts.filter((f) => f.conversation_id === id).map((f) => [f.kind, f.block_id, f.intent]);
    expect(of(p.conversationId)).toEqual([
      ['intent_matched', 'mi', 'refund'],
      ['intent_matched', 'mi', 'parcel'],
      ['handoff', 'parcel_handoff', 'parcel'],
    ]);
    expect(of(r.conversationId)).toEqual([
      ['intent_matched', 'mi', 'refund'],
      ['intent_matched', 'trigger', 'human'],
      ['handoff', 'handoff', 'human'],
    ]);
    expect(facts.find((f) => f.kind === 'handoff' && f.conversation_id === q.conversationId)?.payload).toEqual({
      offline: true,
      offlineReason: 'no_agent_online',
      intentName: 'Talk to a human',
    });
    const channels = (id: string) => facts.filter((f) => f.conversation_id === id).map((f) => [f.kind, f.channel]);
    expect(new Set(channels(r.conversationId).map(([, channel]) => channel))).toEqual(new Set(['api']));
    expect(channels(s.conversationId)).toEqual([
      ['intent_matched', 'widget'],
      ['handoff', 'widget'],
      ['first_response', 'widget'],
      ['resolved', 'email'],
    ]);
    // The conversation summaries agree: S changed channel (widget, then email), P handed off by an intent.
    await expectBlockFiguresRecount(services.db, workspaceId);
    const kept = await expectSummariesRecount(services.db, workspaceId);
    expect(kept.get(s.conversationId)).toMatchObject({ channels: ['email', 'widget'], handoffs: 1, resolutions: 1 });
    expect(kept.get(r.conversationId)?.channels).toEqual(['api']);
    expect(Object.values(kept.get(p.conversationId)!.handoff_intents).map(([, name]) => name)).toEqual(['Parcel']);

    const range = `from=${utcDateFromNow(-1)}&to=${utcDateFromNow(1)}`;
    const all = await call('GET', `/api/analytics/overview?${range}`);
    expect(all.body).toMatchObject({
      conversations: 4,
      handedOff: 4,
      handoffsByIntent: [
        { key: 'Talk to a human', count: 3 },
        { key: 'Parcel', count: 1 },
      ],
      handoffsByBlock: [
        { key: `${flowId} handoff`, count: 3, blockId: 'handoff', label: 'Human handoff' },
        { key: `${flowId} parcel_handoff`, count: 1, blockId: 'parcel_handoff', label: 'Human handoff' },
      ],
    });
    const byChannel = async (channel: string) =>
      (await call('GET', `/api/analytics/overview?${range}&channel=${channel}`)).body;
    expect(await byChannel('widget')).toMatchObject({
      conversations: 3,
      handedOff: 3,
      handoffsByIntent: [
        { key: 'Talk to a human', count: 2 },
        { key: 'Parcel', count: 1 },
      ],
      firstResponse: { count: 1 },
      resolution: { count: 0 },
    });
    expect(await byChannel('api')).toMatchObject({
      conversations: 1,
      handedOff: 1,
      handoffsByIntent: [{ key: 'Talk to a human', count: 1 }],
      firstResponse: { count: 0 },
    });
    // S continued by email: it counts there too, with the resolution that happened by email.
    expect(await byChannel('email')).toMatchObject({
      conversations: 1,
      handedOff: 1,
      firstResponse: { count: 0 },
      resolution: { count: 1 },
    });
    expect((await call('GET', `/api/analytics/overview?${range}&channel=fax`)).status).toBe(400);
    const people = await call('GET', `/api/analytics/people?${range}&channel=email`);
    expect(people.body.agents).toMatchObject([{ id: admin.id, handled: 1, firstResponse: { count: 0 } }]);
    const csv = await t.current.request(`/api/analytics/conversations.csv?${range}&channel=api`, {
      headers: adminHeaders,
    });
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]!.startsWith(r.conversationId)).toBe(true);
    expect(lines[1]!.split(',')[15]).toBe('api');

    // Per block: how often each intent matched, for the flow and in a range of days.
    const blocks = async (query: string) =>
      (await call('GET', `/api/analytics/blocks?flowId=${flowId}${query}`)).body.blocks as Array<{
        blockId: string;
        flowVersionId: string;
        reached: number;
        intents: Array<{ intentId: string; name: string; count: number }>;
      }>;
    const inRange = await blocks(`&${range}`);
    const block = (rows: typeof inRange, id: string) => rows.find((row) => row.blockId === id);
    expect(block(inRange, 'mi')).toMatchObject({
      flowVersionId: versionId,
      reached: 2,
      intents: [
        { intentId: 'refund', name: 'Refund', count: 2 },
        { intentId: 'parcel', name: 'Parcel', count: 1 },
      ],
    });
    expect(block(inRange, 'trigger')).toMatchObject({
      reached: 3,
      intents: [{ intentId: 'human', name: 'Talk to a human', count: 3 }],
    });
    expect(block(inRange, 'ask')?.intents).toEqual([]);
    expect(await blocks('&from=2020-01-01&to=2020-01-31')).toEqual([]);
    expect(await blocks('')).toEqual(inRange);
    const onlyFrom = await call('GET', `/api/analytics/blocks?flowId=${flowId}&from=${utcDateFromNow(0)}`);
    expect(onlyFrom.status).toBe(400);
    expect(onlyFrom.body.error.message).toBe('to: Give both from and to');
    expect((await call('GET', `/api/analytics/blocks?flowId=${flowId}&from=2024-01-01&to=2026-01-01`)).status).toBe(
      400,
    );
  });
});
