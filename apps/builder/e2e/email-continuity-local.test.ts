import { beforeAll, describe, expect, it } from 'vitest';
// The live.runtime exports no mailbox reader for tests; its table view is the supported way to look.
import { emailDb } from '../../runtime/src/email/tables';
import { login, SCREENSHOTS, watchConsole } from './support/browser';
import { withLiveDashboard } from './support/live-dashboard';
import { DEMO_ADMIN as ADMIN, DEMO_AGENT as AGENT } from './support/live-runtime';

const XHR = { 'x-requested-with': 'fetch' };
const VISITOR_EMAIL = 'vera.local@example.com';

const live = withLiveDashboard({
  env: () => ({ EMAIL_REPLY_GRACE_MS: '300' }),
});

beforeAll(async () => {
  // No RESEND_API_KEY, no webhook secret: the embedded default, emails land in the local mailbox.
});

async function post(path: string, headers: Record<string, string>, body: unknown) {
  const response = await fetch(`${live.runtime.url}${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('email continuity without any key (local mailbox)', () => {
  it("the reply lands in the local mailbox from its reply address, and the admin's simulated answer lands in the conversation", async () => {
    const bot = await live.runtime.db.selectFrom('bots').select('id').executeTakeFirstOrThrow();
    const session = await post(
      `/api/public/bots/${bot.id}/sessions`,
      {},
      { visitor: { email: VISITOR_EMAIL, name: 'Vera' } },
    );
    expect(session.status).toBe(200);
    const conversationId = session.body.conversation.id as string;
    const signIn = await post('/api/auth/login', XHR, { email: AGENT.email, password: AGENT.password });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const reply = await post(
      `/api/inbox/conversations/${conversationId}/messages`,
      { cookie, ...XHR },
      {
        text: 'Hi Vera, your order ships tomorrow.',
      },
    );
    expect(reply.status).toBe(201);
    const delivered = () =>
      emailDb(live.runtime.db)
        .selectFrom('mailbox')
        .select('from_address')
        .where('to_address', '=', VISITOR_EMAIL)
        .execute();
    await expect.poll(async () => (await delivered()).length, { timeout: 20_000 }).toBe(1);
    const [mail] = await delivered();
    expect(mail!.from_address).toMatch(/<reply\+[0-9a-f]{32}-[0-9a-f]{20}@reply\.flowdesk\.local>$/);

    const context = await live.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await login(page, `${live.runtime.url}/app/`, ADMIN.email, ADMIN.password);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    const errors = watchConsole(page);
    await page.goto(`${live.runtime.url}/app/settings/mailbox`);
    await page
      .getByRole('list', { name: 'Local mailbox' })
      .getByRole('button', { name: /replied to your conversation/ })
      .click();
    const form = page.getByRole('form', { name: 'Reply as the visitor' });
    await form
      .getByRole('textbox')
      .fill('Thanks! Can it come on Friday instead?\n\n> Hi Vera, your order ships tomorrow.');
    await form.getByRole('button', { name: 'Send reply' }).click();
    await form.getByRole('status').filter({ hasText: 'Added to the conversation.' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/email-continuity-3-local-mailbox.png` });

    const messages = await live.runtime.db
      .selectFrom('messages')
      .select(['author_kind', 'payload'])
      .where('conversation_id', '=', conversationId)
      .where('author_kind', '=', 'visitor')
      .execute();
    expect(messages.map((m) => (m.payload as { text?: string }).text)).toEqual([
      'Thanks! Can it come on Friday instead?',
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
