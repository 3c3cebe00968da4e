import {
  AiStatus,
  AuditLogAnswer,
  BotAnswer,
  BotsAnswer,
  type CreateFlowRequest,
  FlowAnswer,
  FlowsAnswer,
  FlowVersionAnswer,
  FlowVersionsAnswer,
  type MakeLiveRequest,
  type PatchBotRequest,
  PreviewIntentAnswer,
  type PreviewIntentRequest,
  PreviewSummaryAnswer,
  type PreviewSummaryRequest,
  type ProfilePatch,
  PublishAnswer,
  type PublishFlowRequest,
  PublishOutcome,
  type ResponseSchema,
  RollbackAnswer,
  type RollbackRequest,
  responseMismatch,
  type SaveDraftRequest,
  SessionUserAnswer,
  TeammateAnswer,
  TeammatesAnswer,
  type UserInput,
  type UserPatch,
  ValidateFlowAnswer,
} from '@flowdesk/contract';
import { describe, expect, it } from 'vitest';
import { databaseKinds } from './db';
import { seedTwoWorkspaces } from './fixtures/accounts';
import { helloFlow } from './fixtures/flows';
import { type JsonAnswer, useTestServer } from './server';

/**
 * The runtime's real answers, read with the contract schemas the builder checks them with: a field renamed,
 * dropped or retyped fails the parse, and a field the runtime sends but the contract does not name fails the
 * round trip (the parse strips it), so neither side can drift silently.
 */
function expectContract(schema: ResponseSchema, answer: JsonAnswer, status = 200) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(responseMismatch(schema, answer.body)).toBeNull();
  expect(schema.parse(answer.body)).toEqual(answer.body);
  return answer.body;
}

describe.each(databaseKinds)('contract schemas read the admin API answers on %s', (kind) => {
  const t = useTestServer(kind);
  const ctx = {} as { admin: Record<string, string>; botId: string; flowId: string; otherFlowId: string };
  const call = (method: string, path: string, json?: unknown) => t.current.call(method, path, ctx.admin, json);

  it('sets up a workspace', async () => {
    const { mine, admin } = await seedTwoWorkspaces(t.current.server);
    Object.assign(ctx, { admin, botId: mine.bot.id });
  });

  it('bots', async () => {
    expectContract(BotsAnswer, await call('GET', '/api/admin/bots'));
    expectContract(BotAnswer, await call('GET', `/api/admin/bots/${ctx.botId}`));
    const patch: PatchBotRequest = {
      allowedOrigins: ['https://Shop.Example:443'],
      settings: { theme: { primaryColor: '#112233' }, strings: { title: 'Help' } },
    };
    const patched = expectContract(BotAnswer, await call('PATCH', `/api/admin/bots/${ctx.botId}`, patch));
    expect(patched.bot.allowedOrigins).toEqual(['https://shop.example']);
    expectContract(BotAnswer, await call('POST', '/api/admin/bots', { name: 'Second' }), 201);
  });

  it('flows: records, drafts, validation, publishing, going live, versions and rollback', async () => {
    const create: CreateFlowRequest = { botId: ctx.botId, name: 'Hello', draft: helloFlow() };
    ctx.flowId = expectContract(FlowAnswer, await call('POST', '/api/admin/flows', create), 201).flow.id;
    const other: CreateFlowRequest = { botId: ctx.botId, name: 'Other', draft: helloFlow('Hi') };
    ctx.otherFlowId = expectContract(FlowAnswer, await call('POST', '/api/admin/flows', other), 201).flow.id;
    const flow = `/api/admin/flows/${ctx.flowId}`;

    expectContract(FlowsAnswer, await call('GET', '/api/admin/flows'));
    expectContract(FlowsAnswer, await call('GET', `/api/admin/flows?botId=${ctx.botId}`));
    expectContract(FlowAnswer, await call('GET', flow));
    const save: SaveDraftRequest = { draft: helloFlow('Hello again'), name: 'Hello 2' };
    expectContract(FlowAnswer, await call('PUT', `${flow}/draft`, save));
    expectContract(ValidateFlowAnswer, await call('POST', `${flow}/validate`));

    const publish: PublishFlowRequest = { note: 'first' };
    const v1 = expectContract(PublishAnswer, await call('POST', `${flow}/publish`, publish), 201);
    expect(v1.live).toBe(true);
    expectContract(PublishAnswer, await call('POST', `${flow}/publish`, {}), 201);
    const otherPublished = expectContract(
      PublishAnswer,
      await call('POST', `/api/admin/flows/${ctx.otherFlowId}/publish`, {}),
      201,
    );
    expect(otherPublished.live).toBe(false);
    const live: MakeLiveRequest = { replacesFlowId: ctx.flowId };
    const madeLive = expectContract(
      PublishOutcome,
      await call('POST', `/api/admin/flows/${ctx.otherFlowId}/live`, live),
    );
    expect(madeLive.replaced?.id).toBe(ctx.flowId);

    const versions = expectContract(FlowVersionsAnswer, await call('GET', `${flow}/versions`));
    expect(versions.versions).toHaveLength(2);
    const one = expectContract(FlowVersionAnswer, await call('GET', `${flow}/versions/1`));
    expect(one.version.document).toBeDefined();
    const rollback: RollbackRequest = { version: 1, note: 'back' };
    expectContract(RollbackAnswer, await call('POST', `${flow}/rollback`, rollback), 201);
  });

  it('AI status, preview summary and preview intent', async () => {
    expectContract(AiStatus, await call('GET', '/api/admin/ai'));
    const preview: PreviewSummaryRequest = {
      transcript: [
        { author: 'visitor', text: 'My order never arrived' },
        { author: 'bot', text: 'Let me get a person' },
      ],
      variables: { name: 'Vera', email: 'vera@example.com' },
      priorityMode: 'ai',
    };
    const answer = expectContract(PreviewSummaryAnswer, await call('POST', '/api/admin/ai/preview-summary', preview));
    expect(answer.priority).not.toBeNull();
    const intent: PreviewIntentRequest = {
      text: 'where is my parcel',
      intents: [{ id: 'order_status', name: 'Order status', phrases: ['where is my order'] }],
    };
    const matched = expectContract(PreviewIntentAnswer, await call('POST', '/api/admin/ai/preview-intent', intent));
    expect(matched.intentId).toBe('order_status');
  });

  it('people and my profile', async () => {
    expectContract(TeammatesAnswer, await call('GET', '/api/admin/users'));
    const input: UserInput = {
      email: `new-${ctx.botId.slice(0, 6)}@example.com`,
      name: 'Nia New',
      password: 'long-enough-1',
    };
    const added = expectContract(TeammateAnswer, await call('POST', '/api/admin/users', input), 201);
    const patch: UserPatch = { role: 'admin', avatarUrl: 'https://example.com/nia.png' };
    expectContract(TeammateAnswer, await call('PATCH', `/api/admin/users/${added.user.id}`, patch));
    const profile: ProfilePatch = { name: 'Alice A.', avatarUrl: '' };
    const me = expectContract(SessionUserAnswer, await call('PATCH', '/api/auth/me', profile));
    expect(me.user.avatarUrl).toBeNull();
  });

  it('audit log (after the changes above)', async () => {
    const log = expectContract(AuditLogAnswer, await call('GET', '/api/admin/audit?limit=100'));
    expect(log.entries.length).toBeGreaterThan(5);
    const older = log.entries[2]?.createdAt ?? '';
    expectContract(AuditLogAnswer, await call('GET', `/api/admin/audit?before=${encodeURIComponent(older)}`));
  });
});
