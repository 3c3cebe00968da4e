import { describe, expect, it } from 'vitest';
import { DEMO_BOT_ID, DEMO_FLOW_ID, DEMO_USERS, seedDemo } from '../src/seed/demo';
import { databaseKinds } from './db';
import { loginHeaders } from './fixtures/accounts';
import { helloFlow } from './fixtures/flows';
import { type Json, useTestServer } from './server';

// Issue 20 item 3: publishing a new flow for the demo bot silently replaced its live "Support bot" flow.
describe.each(databaseKinds)('publishing and the bot’s live flow on %s', (kind) => {
  const t = useTestServer(kind);
  let admin: Record<string, string>;
  const call = (method: string, path: string, json?: unknown) => t.current.call(method, path, admin, json);
  const liveFlowOfBot = async () => (await call('GET', `/api/admin/bots/${DEMO_BOT_ID}`)).body.bot.flowId;
  const versions = async (id: string) => (await call('GET', `/api/admin/flows/${id}/versions`)).body.versions.length;
  let newFlow: string;

  it('the demo bot runs its "Support bot" flow', async () => {
    await seedDemo(t.current.server.db);
    const demoAdmin = DEMO_USERS.find((user) => user.role === 'admin')!;
    admin = await loginHeaders(t.current.server.url, demoAdmin.email, demoAdmin.password);
    expect(await liveFlowOfBot()).toBe(DEMO_FLOW_ID);
    const created = await call('POST', '/api/admin/flows', {
      botId: DEMO_BOT_ID,
      name: 'Spring promo',
      draft: helloFlow(),
    });
    newFlow = created.body.flow.id;
  });

  it('publishing another flow without making it live keeps the live flow and says so', async () => {
    const published = await call('POST', `/api/admin/flows/${newFlow}/publish`, { note: 'first cut' });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      version: { number: 1, note: 'first cut' },
      bot: { id: DEMO_BOT_ID, name: 'Acme Assistant' },
      live: false,
      replaced: null,
    });
    expect(await liveFlowOfBot()).toBe(DEMO_FLOW_ID);
    expect((await call('GET', `/api/admin/flows/${DEMO_FLOW_ID}`)).body.flow.live).toBe(true);
    expect((await call('GET', `/api/admin/flows/${newFlow}`)).body.flow.live).toBe(false);
    const unticked = await call('POST', `/api/admin/flows/${newFlow}/publish`, { makeLive: false });
    expect(unticked.body.live).toBe(false);
  });

  it('making it live without naming the flow it replaces is refused, naming that flow; nothing is written', async () => {
    const refused = await call('POST', `/api/admin/flows/${newFlow}/publish`, { makeLive: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'live_flow_would_be_replaced',
      details: {
        bot: { id: DEMO_BOT_ID, name: 'Acme Assistant' },
        liveFlow: { id: DEMO_FLOW_ID, name: 'Support bot' },
      },
    });
    expect(refused.body.error.message).toContain('"Support bot" is live for Acme Assistant');
    const wrong = await call('POST', `/api/admin/flows/${newFlow}/publish`, {
      makeLive: true,
      replacesFlowId: newFlow,
    });
    expect(wrong.status).toBe(409);
    expect(await versions(newFlow)).toBe(2);
    expect(await liveFlowOfBot()).toBe(DEMO_FLOW_ID);
  });

  it('confirmed, it goes live and reports the flow it replaced; a rollback of the old one does not take it back', async () => {
    const confirmed = await call('POST', `/api/admin/flows/${newFlow}/publish`, {
      makeLive: true,
      replacesFlowId: DEMO_FLOW_ID,
    });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({ live: true, replaced: { id: DEMO_FLOW_ID, name: 'Support bot' } });
    expect(await liveFlowOfBot()).toBe(newFlow);
    const again = await call('POST', `/api/admin/flows/${newFlow}/publish`, {});
    expect(again.body).toMatchObject({ live: true, replaced: null }); // a new version of the live flow
    const rolledBack = await call('POST', `/api/admin/flows/${DEMO_FLOW_ID}/rollback`, { version: 1 });
    expect(rolledBack.status).toBe(201);
    expect(rolledBack.body.flow.live).toBe(false);
    expect(await liveFlowOfBot()).toBe(newFlow);
  });

  it('a published flow is made live again from the list without a new version, confirmed the same way', async () => {
    const before = await versions(DEMO_FLOW_ID);
    const refused = await call('POST', `/api/admin/flows/${DEMO_FLOW_ID}/live`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'live_flow_would_be_replaced',
      details: { liveFlow: { id: newFlow, name: 'Spring promo' } },
    });
    const live = await call('POST', `/api/admin/flows/${DEMO_FLOW_ID}/live`, { replacesFlowId: newFlow });
    expect(live.status).toBe(200);
    expect(live.body).toEqual({
      bot: { id: DEMO_BOT_ID, name: 'Acme Assistant' },
      live: true,
      replaced: { id: newFlow, name: 'Spring promo' },
    });
    expect(await liveFlowOfBot()).toBe(DEMO_FLOW_ID);
    expect(await versions(DEMO_FLOW_ID)).toBe(before);
    const draftOnly = await call('POST', '/api/admin/flows', { botId: DEMO_BOT_ID, name: 'Idea', draft: helloFlow() });
    const unpublished = await call('POST', `/api/admin/flows/${draftOnly.body.flow.id}/live`, {
      replacesFlowId: DEMO_FLOW_ID,
    });
    expect(unpublished.status).toBe(409);
    expect(unpublished.body.error.message).toBe('Publish this flow before making it live');
    expect((await call('POST', `/api/admin/flows/${DEMO_FLOW_ID}/live`, { replacesFlowId: 42 })).status).toBe(400);
  });

  it('refuses a malformed publish request with a clear 400', async () => {
    for (const body of [{ makeLive: 'yes' }, { note: 'x'.repeat(501) }, { replacesFlowId: '' }]) {
      const response = await call('POST', `/api/admin/flows/${newFlow}/publish`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((response.body as Json).error.message).toBeTruthy();
    }
  });
});
