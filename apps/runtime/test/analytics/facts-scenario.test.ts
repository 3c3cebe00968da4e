import { AnalyticsOverviewQuery } from '@flowdesk/contract';
import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import { describe, expect, it } from 'vitest';
import { blockFigures } from '../../src/analytics/block-figures';
import { conversationsCsv } from '../../src/analytics/export-csv';
import { analyticsDb } from '../../src/analytics/facts';
import { databaseKinds } from '../db';
import { loginHeaders, seedWorkspace } from '../fixtures/accounts';
import { utcDateFromNow } from '../fixtures/dates';
import { flowDocument, say, start } from '../fixtures/flow-builder';
import { TestVisitor } from '../fixtures/visitor';
import { useTestServer } from '../server';
import { adminWithLiveFlow } from './live-flow-scenario';
import { expectBlockFiguresRecount, expectSummariesRecount } from './summary-recount';

/** start → menu; "again" → tip → menu (a loop), "done" → end, "human" → handoff. */
function menuFlow(label: string): FlowDocumentInput {
  return flowDocument({
    id: 'menu',
    name: 'Menu',
    blocks: [
      start(),
      {
        id: 'menu',
        type: 'buttons',
        data: {
          text: `${label}: what now?`,
          buttons: [
            { id: 'again', label: 'Again' },
            { id: 'done', label: 'Done' },
            { id: 'human', label: 'Human' },
          ],
        },
      },
      say('tip', 'A tip.'),
      { id: 'bye', type: 'end', data: {} },
      { id: 'handoff', type: 'human_handoff', data: {} },
    ],
    wires: ['start -> menu', 'menu.again -> tip -> menu', 'menu.done -> bye', 'menu.human -> handoff'],
  });
}

describe.each(databaseKinds)('analytics facts on %s', (kind) => {
  const t = useTestServer(kind);

  it('records each fact once; per-block figures equal the hand-counted scenario across a loop and versions', async () => {
    const {
      bot,
      admin,
      workspaceId,
      adminHeaders,
      call,
      flowId,
      versionId: v1Id,
    } = await adminWithLiveFlow(t, 'facts', 'Menu', menuFlow('v1'));

    // A: loops twice through the tip, then ends (resolved by the bot).
    const a = new TestVisitor(t.current.server.url, bot.id);
    await a.start();
    await a.pick('again', 'Again');
    await a.pick('again', 'Again');
    expect((await a.pick('done', 'Done')).conversation.status).toBe('resolved');

    // B: hands off with nobody online, an agent answers and resolves, B writes again (reopened).
    const b = new TestVisitor(t.current.server.url, bot.id);
    await b.start();
    expect((await b.pick('human', 'Human')).conversation.status).toBe('needs_agent');
    const reply = await call('POST', `/api/inbox/conversations/${b.conversationId}/messages`, { text: 'Hello' });
    expect(reply.status).toBe(201);
    expect((await call('POST', `/api/inbox/conversations/${b.conversationId}/resolve`)).status).toBe(200);
    expect((await b.say('One more thing')).conversation.status).toBe('needs_agent');

    // v2; C stops at the menu (a drop-off).
    expect((await call('PUT', `/api/admin/flows/${flowId}/draft`, { draft: menuFlow('v2') })).status).toBe(200);
    const v2 = await call('POST', `/api/admin/flows/${flowId}/publish`, { note: 'v2' });
    const c = new TestVisitor(t.current.server.url, bot.id);
    await c.start();

    const v2Id = v2.body.version.id as string;
    const figures = await blockFigures(t.current.server.db, workspaceId);
    const of = (version: string, block: string) =>
      figures.find((row) => row.flowVersionId === version && row.blockId === block);
    expect(of(v1Id, 'start')).toMatchObject({ reached: 2, visits: 2, droppedOff: 0, handedOff: 0 });
    expect(of(v1Id, 'menu')).toMatchObject({ reached: 2, visits: 4, droppedOff: 0, handedOff: 0 });
    expect(of(v1Id, 'tip')).toMatchObject({ reached: 1, visits: 2, droppedOff: 0 });
    expect(of(v1Id, 'bye')).toMatchObject({ reached: 1, visits: 1, droppedOff: 0 });
    expect(of(v1Id, 'handoff')).toMatchObject({ reached: 1, visits: 1, droppedOff: 0, handedOff: 1 });
    expect(of(v2Id, 'menu')).toMatchObject({ reached: 1, visits: 1, droppedOff: 1, handedOff: 0 });
    expect(figures.filter((row) => row.blockId === 'menu').reduce((sum, row) => sum + row.reached, 0)).toBe(3);
    expect(of(v2Id, 'start')).toMatchObject({ reached: 1, visits: 1, droppedOff: 0 });
    // v1: start, menu, tip, bye, handoff; v2: start, menu.
    expect(figures).toHaveLength(7);

    const facts = await analyticsDb(t.current.server.db)
      .selectFrom('analytics_facts')
      .select(['conversation_id', 'kind', 'reason', 'block_id', 'agent_id', 'payload'])
      .where('workspace_id', '=', workspaceId)
      .where('kind', 'not in', ['block_entered'])
      .orderBy('id')
      .execute();
    const ofB = facts.filter((fact) => fact.conversation_id === b.conversationId);
    expect(ofB.map((fact) => [fact.kind, fact.reason])).toEqual([
      ['input_answered', null],
      ['handoff', 'flow'],
      ['first_response', null],
      ['resolved', 'human'],
      ['reopened', 'to_agents'],
    ]);
    expect(ofB[1]).toMatchObject({ block_id: 'handoff', payload: { offline: true } });
    expect(ofB[3]!.agent_id).toBe(admin.id);
    expect((ofB[2]!.payload as { ms: number }).ms).toBeGreaterThanOrEqual(0);
    const ofA = facts.filter((fact) => fact.conversation_id === a.conversationId);
    expect(ofA.map((fact) => [fact.kind, fact.block_id ?? fact.reason])).toEqual([
      ['input_answered', 'menu'],
      ['input_answered', 'menu'],
      ['input_answered', 'menu'],
      ['resolved', 'bot'],
    ]);

    // D hands off while the office is closed (a zone 14 hours ahead of UTC, no opening hours); the admin
    // resolves it without a word: a visitor left without an answer.
    const hours = await call('PUT', '/api/admin/office-hours', {
      schedule: { timezone: 'Pacific/Kiritimati', weekly: {} },
    });
    expect(hours.status).toBe(200);
    const d = new TestVisitor(t.current.server.url, bot.id);
    await d.start();
    expect((await d.pick('human', 'Human')).conversation.status).toBe('needs_agent');
    expect((await call('POST', `/api/inbox/conversations/${d.conversationId}/resolve`)).status).toBe(200);
    const [handoffOfD] = await analyticsDb(t.current.server.db)
      .selectFrom('analytics_facts')
      .select('payload')
      .where('conversation_id', '=', d.conversationId)
      .where('kind', '=', 'handoff')
      .execute();
    expect(handoffOfD?.payload).toEqual({ offline: true, offlineReason: 'outside_hours' });
    // Each conversation's summary, kept fact by fact, equals a recount: A resolved by the bot; B handed off,
    // answered, resolved and reopened; D handed off and resolved unanswered; C only entered blocks.
    await expectBlockFiguresRecount(t.current.server.db, workspaceId);
    const kept = await expectSummariesRecount(t.current.server.db, workspaceId);
    expect(kept.get(a.conversationId)).toMatchObject({ blocks_visited: 7, handoffs: 0, bot_resolved: true });
    expect(kept.get(b.conversationId)).toMatchObject({
      handoffs: 1,
      first_handoff_reason: 'flow',
      handoff_blocks: [`${v1Id} handoff`],
      first_responses: 1,
      resolutions: 1,
      resolved_by: 'human',
      bot_resolved: false,
      reopens: 1,
      channels: ['api'],
    });
    expect(kept.get(d.conversationId)).toMatchObject({ handoffs: 1, first_responses: 0, resolved_by: 'human' });
    expect(kept.get(c.conversationId)).toMatchObject({ blocks_visited: 2, handoffs: 0, resolutions: 0 });

    const range = `from=${utcDateFromNow(-1)}&to=${utcDateFromNow(1)}`;
    const figures2 = await call('GET', `/api/analytics/overview?${range}`);
    expect(figures2.status).toBe(200);
    expect(figures2.body).toMatchObject({
      timeZone: 'Pacific/Kiritimati',
      conversations: 4,
      botResolved: 1,
      botResolvedRate: 0.25,
      handedOff: 2,
      handoffRate: 0.5,
      handoffsByReason: [{ key: 'flow', count: 2 }],
      // B handed off in version 1, D in version 2: one block of one flow, named from the newest version.
      handoffsByBlock: [
        { key: `${flowId} handoff`, count: 2, flowId, flowName: 'Menu', blockId: 'handoff', label: 'Human handoff' },
      ],
      leftWithoutAnswer: 1,
      firstResponse: { count: 1 },
      resolution: { count: 2 },
    });
    const startedAt = await t.current.server.db
      .selectFrom('conversations')
      .select('created_at')
      .where('workspace_id', '=', workspaceId)
      .execute();
    const zoned = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Pacific/Kiritimati',
      weekday: 'short',
      hour: 'numeric',
      hourCycle: 'h23',
    });
    const expectedCells = new Map<string, number>();
    for (const { created_at } of startedAt) {
      const parts = Object.fromEntries(zoned.formatToParts(created_at).map((part) => [part.type, part.value]));
      const key = `${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!) + 1}/${Number(parts.hour)}`;
      expectedCells.set(key, (expectedCells.get(key) ?? 0) + 1);
    }
    const cells = (figures2.body.hourOfWeek as Array<{ weekday: number; hour: number; count: number }>).map((cell) => [
      `${cell.weekday}/${cell.hour}`,
      cell.count,
    ]);
    expect(new Map(cells as Array<[string, number]>)).toEqual(expectedCells);
    expect((await call('GET', '/api/analytics/overview?from=2020-01-01&to=2020-01-31')).body.conversations).toBe(0);
    // The office never opens: in office time nobody waited at all.
    const officeOnly = await call('GET', `/api/analytics/overview?${range}&officeHoursOnly=true`);
    expect(officeOnly.body).toMatchObject({
      firstResponse: { count: 1, medianMs: 0, p90Ms: 0 },
      resolution: { count: 2, medianMs: 0, p90Ms: 0 },
    });
    expect((await call('GET', `/api/analytics/overview?${range}&officeHoursOnly=yes`)).status).toBe(400);
    expect((await call('GET', `/api/analytics/overview?${range}&botId=other`)).body.conversations).toBe(0);

    const liveNow = await call('GET', '/api/analytics/live');
    expect(liveNow.body).toEqual({ waiting: 1, unassigned: 0, agentsOnline: 0 });
    const blocks = await call('GET', `/api/analytics/blocks?flowVersionId=${v1Id}`);
    expect(blocks.body.blocks).toHaveLength(5);

    // D was resolved by someone who never held it: it counts for nobody.
    const people = await call('GET', `/api/analytics/people?${range}`);
    expect(people.body).toMatchObject({
      agents: [{ id: admin.id, handled: 1, firstResponse: { count: 1 }, resolution: { count: 1 } }],
      teams: [],
    });
    const csv = await t.current.request(`/api/analytics/conversations.csv?${range}`, { headers: adminHeaders });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    // The file as saved: a UTF-8 byte-order mark first (Excel reads names and comments as UTF-8, not ANSI).
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text.trimEnd().split('\r\n');
    // Streamed in pages (keyset on start time, id): one line a page gives the same file.
    const query = AnalyticsOverviewQuery.parse({ from: utcDateFromNow(-1), to: utcDateFromNow(1) });
    expect(await conversationsCsv(t.current.server.db, workspaceId, query, { pageSize: 1 })).toBe(text);
    const none = AnalyticsOverviewQuery.parse({ from: '2020-01-01', to: '2020-01-31' });
    expect(await conversationsCsv(t.current.server.db, workspaceId, none)).toBe(`${text.split('\r\n')[0]}\r\n`);
    expect((await conversationsCsv(t.current.server.db, workspaceId, query, { limit: 2 })).split('\r\n')).toHaveLength(
      4,
    );
    expect(lines[0]).toBe(
      '\uFEFFconversation_id,started_at,status,bot_id,team_id,assignee_id,blocks_visited,handoffs,handoff_reason,' +
        'first_response_ms,resolved_by,resolution_ms,reopens,csat_score,csat_comment,channel,bot_name,team_name,' +
        'assignee_name,started_local',
    );
    expect(lines).toHaveLength(5);
    const rowOf = (id: string) => lines.find((line) => line.startsWith(id))!.split(',');
    expect(rowOf(a.conversationId).slice(6, 13)).toEqual(['7', '0', '', '', 'bot', '', '0']);
    expect(rowOf(b.conversationId)[8]).toBe('flow');
    expect(rowOf(b.conversationId)[10]).toBe('human');
    expect(rowOf(b.conversationId)[12]).toBe('1');
    // Names beside the ids, as a spreadsheet reader needs them: the bot's, no team, the admin who held it.
    expect(rowOf(b.conversationId).slice(16, 19)).toEqual([bot.name, '', admin.name]);
    // The start on the workspace's clock (Pacific/Kiritimati, UTC+14), as a spreadsheet reads a date and time.
    const startOfB = new Date(rowOf(b.conversationId)[1]!);
    const local = new Date(startOfB.getTime() + 14 * 3_600_000).toISOString();
    expect(rowOf(b.conversationId)[19]).toBe(`${local.slice(0, 10)} ${local.slice(11, 19)}`);
  });

  it('answers 400 with a clear message for bad ranges and 403 for agents', async () => {
    const { admin, agent } = await seedWorkspace(t.current.server.db, 'analytics-checks');
    const headers = await loginHeaders(t.current.server.url, admin.email);
    const get = (path: string, as = headers) => t.current.call('GET', path, as);
    const reversed = await get('/api/analytics/overview?from=2026-02-01&to=2026-01-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toBe('to: to must not be before from');
    expect((await get('/api/analytics/overview?from=2024-01-01&to=2026-01-01')).body.error.message).toBe(
      'to: Choose at most 366 days',
    );
    expect((await get('/api/analytics/overview?from=yesterday&to=2026-01-01')).body.error.message).toBe(
      'from: Use a date like 2026-01-31',
    );
    expect((await get('/api/analytics/overview?from=2026-02-30&to=2026-03-01')).status).toBe(400);
    expect((await get('/api/analytics/overview')).status).toBe(400);
    const agentHeaders = await loginHeaders(t.current.server.url, agent.email);
    expect((await get('/api/analytics/overview?from=2026-01-01&to=2026-01-02', agentHeaders)).status).toBe(403);
  });
});
