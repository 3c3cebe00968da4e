import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import { describe, expect, it } from 'vitest';
import { blockFigures } from '../../src/analytics/block-figures';
import { analyticsDb } from '../../src/analytics/facts';
import { databaseKinds } from '../db';
import { loginHeaders, seedWorkspace } from '../fixtures/accounts';
import { TestVisitor } from '../fixtures/visitor';
import { useTestServer } from '../server';

const at = (x: number) => ({ x, y: 0 });

/** start → menu; "again" → tip → menu (a loop), "done" → end, "human" → handoff. */
function menuFlow(label: string): FlowDocumentInput {
  return {
    schemaVersion: 1,
    id: 'menu',
    name: 'Menu',
    blocks: [
      { id: 'start', type: 'start', position: at(0), data: {} },
      {
        id: 'menu',
        type: 'buttons',
        position: at(200),
        data: {
          text: `${label}: what now?`,
          buttons: [
            { id: 'again', label: 'Again' },
            { id: 'done', label: 'Done' },
            { id: 'human', label: 'Human' },
          ],
        },
      },
      { id: 'tip', type: 'message', position: at(400), data: { content: { type: 'text', text: 'A tip.' } } },
      { id: 'bye', type: 'end', position: at(400), data: {} },
      { id: 'handoff', type: 'human_handoff', position: at(400), data: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'menu' },
      { id: 'e2', source: 'menu', sourceHandle: 'again', target: 'tip' },
      { id: 'e3', source: 'tip', sourceHandle: 'next', target: 'menu' },
      { id: 'e4', source: 'menu', sourceHandle: 'done', target: 'bye' },
      { id: 'e5', source: 'menu', sourceHandle: 'human', target: 'handoff' },
    ],
  };
}

describe.each(databaseKinds)('analytics facts on %s', (kind) => {
  const t = useTestServer(kind);

  it('records each fact once; per-block figures equal the hand-counted scenario across a loop and versions', async () => {
    const { bot, admin, workspaceId } = await seedWorkspace(t.current.server.db, 'facts', { agentOnline: false });
    const adminHeaders = await loginHeaders(t.current.server.url, admin.email);
    const call = (method: string, path: string, json?: unknown) => t.current.call(method, path, adminHeaders, json);
    const created = await call('POST', '/api/admin/flows', { botId: bot.id, name: 'Menu', draft: menuFlow('v1') });
    const flowId = created.body.flow.id as string;
    const v1 = await call('POST', `/api/admin/flows/${flowId}/publish`, { note: 'v1' });
    expect(v1.status).toBe(201);

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

    const v1Id = v1.body.version.id as string;
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
  });
});
