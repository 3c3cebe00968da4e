import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import { describe, expect, it } from 'vitest';
import { databaseKinds } from './db';
import { loginHeaders, seedWorkspace } from './fixtures/accounts';
import { ask, flowDocument, say, start } from './fixtures/flow-builder';
import { TestVisitor } from './fixtures/visitor';
import { useTestServer } from './server';

/** start → ask a name → "<label>: thanks {{name}}" → end. */
function askFlow(label: string): FlowDocumentInput {
  return flowDocument({
    id: 'ask',
    name: 'Ask',
    variables: [{ name: 'name' }],
    blocks: [
      start(),
      ask('ask', 'Your name?', 'name'),
      say('thanks', `${label}: thanks {{name}}`),
      { id: 'bye', type: 'end', data: {} },
    ],
    wires: ['start -> ask -> thanks -> bye'],
  });
}

const botTexts = (replies: { content: { type: string; text?: string } }[]) =>
  replies.filter((reply) => reply.content.type === 'text').map((reply) => reply.content.text);

describe.each(databaseKinds)('published versions on %s', (kind) => {
  const t = useTestServer(kind);

  it('keeps running conversations on the version they started with; new ones take the latest', async () => {
    const { bot, admin } = await seedWorkspace(t.current.server.db, 'pinning');
    const adminHeaders = await loginHeaders(t.current.server.url, admin.email);
    const call = (method: string, path: string, json?: unknown) => t.current.call(method, path, adminHeaders, json);
    const created = await call('POST', '/api/admin/flows', { botId: bot.id, name: 'Ask', draft: askFlow('v1') });
    expect(created.status).toBe(201);
    const flowId = created.body.flow.id as string;
    expect((await call('POST', `/api/admin/flows/${flowId}/publish`, { note: 'v1' })).status).toBe(201);

    const early = new TestVisitor(t.current.server.url, bot.id);
    expect((await early.start()).conversation.awaiting).toMatchObject({ type: 'input' });

    expect((await call('PUT', `/api/admin/flows/${flowId}/draft`, { draft: askFlow('v2') })).status).toBe(200);
    const v2 = await call('POST', `/api/admin/flows/${flowId}/publish`, { note: 'v2' });
    expect(v2.body.version.number).toBe(2);

    const late = new TestVisitor(t.current.server.url, bot.id);
    await late.start();
    expect(botTexts((await early.say('Ada')).replies)).toEqual(['v1: thanks Ada']);
    expect(botTexts((await late.say('Bob')).replies)).toEqual(['v2: thanks Bob']);

    // A rollback is a new version: the v2 conversation that already ended is untouched, the next one runs v1 again.
    expect((await call('POST', `/api/admin/flows/${flowId}/rollback`, { version: 1 })).status).toBe(201);
    const afterRollback = new TestVisitor(t.current.server.url, bot.id);
    await afterRollback.start();
    expect(botTexts((await afterRollback.say('Cy')).replies)).toEqual(['v1: thanks Cy']);
  });
});
