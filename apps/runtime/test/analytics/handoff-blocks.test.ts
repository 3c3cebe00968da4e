import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../db';
import { utcDateFromNow } from '../fixtures/dates';
import { flowDocument, start } from '../fixtures/flow-builder';
import { TestVisitor } from '../fixtures/visitor';
import { useTestServer } from '../server';
import { adminWithLiveFlow } from './live-flow-scenario';

/** start → menu; "human" → the block `handoff` (named `name` when given). */
function handoffFlow(name?: string): FlowDocumentInput {
  return flowDocument({
    id: 'menu',
    name: 'Menu',
    blocks: [
      start(),
      { id: 'menu', type: 'buttons', data: { text: 'What now?', buttons: [{ id: 'human', label: 'Human' }] } },
      { id: 'handoff', type: 'human_handoff', data: {}, ...(name ? { name } : {}) },
    ],
    wires: ['start -> menu', 'menu.human -> handoff'],
  });
}

describe.each(databaseKinds)('handoffs by block on %s', (kind) => {
  const t = useTestServer(kind);

  it('counts the same block id in two bots’ flows apart, named as on the canvas, with their flows', async () => {
    // Before, both were one bar "handoff" with 3: block ids are unique only within a flow.
    const sales = await adminWithLiveFlow(t, 'blocks-by-flow', 'Sales', handoffFlow());
    const { call } = sales;
    const billingBot = (await call('POST', '/api/admin/bots', { name: 'Billing' })).body.bot.id as string;
    const created = await call('POST', '/api/admin/flows', {
      botId: billingBot,
      name: 'Billing',
      draft: handoffFlow('Billing desk'),
    });
    const billingFlow = created.body.flow.id as string;
    expect((await call('POST', `/api/admin/flows/${billingFlow}/publish`, { note: 'v1' })).status).toBe(201);
    for (const botId of [sales.bot.id, sales.bot.id, billingBot]) {
      const visitor = new TestVisitor(t.current.server.url, botId);
      await visitor.start();
      await visitor.pick('human', 'Human');
    }
    const range = `from=${utcDateFromNow(-1)}&to=${utcDateFromNow(1)}`;
    const overview = await call('GET', `/api/analytics/overview?${range}`);
    expect(overview.status).toBe(200);
    expect(overview.body.handoffsByBlock).toEqual([
      {
        key: `${sales.flowId} handoff`,
        count: 2,
        flowId: sales.flowId,
        flowName: 'Sales',
        blockId: 'handoff',
        label: 'Human handoff',
      },
      {
        key: `${billingFlow} handoff`,
        count: 1,
        flowId: billingFlow,
        flowName: 'Billing',
        blockId: 'handoff',
        label: 'Billing desk',
      },
    ]);
    // The bot filter reads the conversations' current bot: only the billing bot's block.
    const billingOnly = await call('GET', `/api/analytics/overview?${range}&botId=${billingBot}`);
    expect(billingOnly.body.handoffsByBlock.map((row: { key: string }) => row.key)).toEqual([`${billingFlow} handoff`]);
  });
});
