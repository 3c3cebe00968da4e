import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { api, login as apiLogin, type Session } from '../../widget/e2e/runtime-api';
import { login, SCREENSHOTS, watchConsole } from './support/browser';
import { withLiveDashboard } from './support/live-dashboard';
import { DEMO_ADMIN as ADMIN, DEMO_AGENT as AGENT, signInAsDemoAgent } from './support/live-runtime';

const DEMO_FLOW_ID = 'demo-support-flow';

let adminId = '';

const live = withLiveDashboard();

beforeAll(async () => {
  adminId = (
    await live.runtime.db.selectFrom('users').select('id').where('email', '=', ADMIN.email).executeTakeFirstOrThrow()
  ).id;
});

async function openPage(): Promise<Page> {
  const context = await live.newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

/**
 * Older admin actions written straight to the log (the live.runtime has no API to backdate them): 46 a second
 * apart, then 3 stored within one millisecond — which the first page of 50 cuts through — then 10 older.
 */
async function seedOlderEntries(newest: Date) {
  const second = (k: number) => new Date(newest.getTime() - k * 1000).toISOString();
  const base = second(47).slice(0, 19);
  const rows = [
    ...Array.from({ length: 46 }, (_, k) => ({ at: second(k + 1), action: 'users.update', fields: ['name'] })),
    ...[3, 2, 1].map((micro) => ({
      at: `${base}.12300${micro}Z`,
      action: micro === 1 ? 'bots.update' : 'office-hours.update',
      fields: micro === 1 ? ['name', 'allowedOrigins'] : ['schedule'],
    })),
    ...Array.from({ length: 10 }, (_, k) => ({ at: second(k + 48), action: 'webhooks.create', fields: ['url'] })),
  ];
  await live.runtime.db
    .insertInto('events')
    .values(
      rows.map((row) => ({
        workspace_id: 'demo',
        actor_kind: 'user' as const,
        actor_id: adminId,
        action: row.action,
        target_type: row.action.split('.')[0] ?? null,
        target_id: row.action.startsWith('bots') ? 'demo-bot' : null,
        data: JSON.stringify({ status: 200, fields: row.fields }),
        created_at: row.at,
      })) as never,
    )
    .execute();
  return rows.length;
}

describe('Settings → Audit log on PostgreSQL', () => {
  let admin: Session;
  let seeded = 0;

  it("admins see their changes newest first, with who, what, the target and the fields' names; Load older pages", async () => {
    seeded = await seedOlderEntries(new Date(Date.now() - 3_600_000));
    admin = await apiLogin(live.runtime.url, ADMIN.email, ADMIN.password);
    await api(live.runtime.url, admin, 'PUT', '/api/admin/ai/settings', { provider: 'offline' });
    await api(live.runtime.url, admin, 'POST', '/api/admin/teams', { name: 'Billing' });
    await api(live.runtime.url, admin, 'POST', `/api/admin/flows/${DEMO_FLOW_ID}/publish`, { note: 'audit e2e' });

    const page = await openPage();
    onTestFailed(async () => {
      await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-audit.png`, fullPage: true });
    });
    await login(page, `${live.runtime.url}/app/`, ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { name: 'Flows', exact: true }).waitFor();
    const errors = watchConsole(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Audit log' }).click();

    const table = page.getByRole('table', { name: 'Audit log' });
    const rows = table.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(50);

    const published = rows.nth(0);
    expect(await published.getAttribute('data-action')).toBe('flows.publish');
    const publishedText = await published.textContent();
    expect(publishedText).toContain('Published flow');
    expect(publishedText).toContain(ADMIN.name);
    expect(publishedText).toContain(ADMIN.email);
    expect(publishedText).toContain('fields: note');
    // The target by its name (the id on hover).
    const flowLink = published.getByRole('link', { name: 'Open flow Support bot' });
    expect(await flowLink.locator('strong').getAttribute('title')).toBe(DEMO_FLOW_ID);
    expect(await flowLink.getAttribute('href')).toBe(`/app/flows/${DEMO_FLOW_ID}`);
    const when = published.locator('time');
    expect(await when.textContent()).toMatch(/now|second|minute/);
    expect(await when.getAttribute('title')).toMatch(/\d{4}/);

    const created = rows.nth(1);
    expect(await created.getAttribute('data-action')).toBe('teams.create');
    const createdText = await created.textContent();
    expect(createdText).toContain('Created team');
    // A creation names what it created (its id from the answer, its name from the table).
    expect((await created.locator('td').nth(3).textContent())?.trim()).toBe('team Billing');
    expect(createdText).toContain('fields: name');
    expect(createdText).toContain(ADMIN.email);
    // A setting reads as what it is, not as the runtime's path.
    const settings = rows.nth(2);
    expect((await settings.textContent()) ?? '').toContain('Updated AI settings');
    expect((await settings.locator('td').nth(3).textContent())?.trim()).toBe('AI settings');

    await page.screenshot({ path: `${SCREENSHOTS}/builder-settings-audit.png` });

    const loadOlder = page.getByRole('button', { name: 'Load older' });
    await loadOlder.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/builder-settings-audit-older.png` });
    await loadOlder.click();
    await expect.poll(() => rows.count()).toBe(3 + seeded);
    // The entry stored in the same millisecond as the first page's last one is not skipped.
    const bots = rows.filter({ hasText: 'Updated bot' });
    expect(await bots.count()).toBe(1);
    expect(await bots.textContent()).toContain('fields: name, allowed websites');
    // An action this dashboard has no words for shows as the live.runtime named it.
    expect(await rows.last().textContent()).toContain('webhooks.create');
    const times = await rows.locator('time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime') ?? ''));
    expect(times).toEqual([...times].sort().reverse());
    expect(await page.getByRole('button', { name: 'Load older' }).count()).toBe(0);
    expect(errors).toEqual([]);

    // The runtime's refusal shows as its own words: the admin loses the role while the page is open.
    await live.runtime.db.updateTable('users').set({ role: 'agent' }).where('id', '=', adminId).execute();
    try {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.getByRole('alert').filter({ hasText: 'Only admins may do this' }).waitFor();
    } finally {
      await live.runtime.db.updateTable('users').set({ role: 'admin' }).where('id', '=', adminId).execute();
    }
    expect(errors.splice(0)).toEqual([expect.stringMatching(/^403 GET .*\/api\/admin\/audit\?limit=50$/)]);
  });

  it('agents get no Audit log tab, no page and no data', async () => {
    const page = await openPage();
    onTestFailed(async () => {
      await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-audit-agent.png`, fullPage: true });
    });
    const auditRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/admin/audit')) auditRequests.push(request.url());
    });
    await signInAsDemoAgent(page, live.runtime.url);
    await page.goto(`${live.runtime.url}/app/settings/notifications`);
    const tabs = page.getByRole('navigation', { name: 'Settings sections' });
    await tabs.getByRole('link', { name: 'Notifications' }).waitFor();
    expect(await tabs.getByRole('link').allInnerTexts()).toEqual(['Your profile', 'Canned responses', 'Notifications']);

    // The admins' tab by its address: the agent is taken to the first tab theirs, the log never drawn or asked for.
    await page.goto(`${live.runtime.url}/app/settings/audit`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/app/settings/profile');
    await tabs.getByRole('link', { name: 'Your profile' }).waitFor();
    expect(await page.getByRole('table', { name: 'Audit log' }).count()).toBe(0);
    expect(auditRequests).toEqual([]);

    const agent = await apiLogin(live.runtime.url, AGENT.email, AGENT.password);
    await expect(api(live.runtime.url, agent, 'GET', '/api/admin/audit?limit=50')).rejects.toThrow(/403/);
  });
});
