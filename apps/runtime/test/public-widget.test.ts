import { DEFAULT_PRIMARY_COLOR } from '@flowdesk/contract/theme';
import { describe, expect, it } from 'vitest';
import { updateBot } from '../src/bots/repository';
import { databaseKinds } from './db';
import { seedWorkspace } from './fixtures/accounts';
import { useTestServer } from './server';

const path = (botId: string) => `/api/public/bots/${encodeURIComponent(botId)}/widget`;

describe.each(databaseKinds)('GET /api/public/bots/{botId}/widget on %s', (kind) => {
  const t = useTestServer(kind);
  const ctx = {} as { botId: string; botName: string };

  it("answers a new bot with the product's default theme, without a visitor token", async () => {
    const { bot } = await seedWorkspace(t.current.server.db, 'launcher');
    ctx.botId = bot.id;
    ctx.botName = bot.name;
    const response = await t.current.request(path(bot.id));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(await response.json()).toEqual({
      settings: {
        botName: bot.name,
        theme: { primaryColor: DEFAULT_PRIMARY_COLOR, position: 'right' },
        strings: {},
        online: true,
      },
    });
  });

  it("returns the bot's own colour, position and texts, and nothing of a session", async () => {
    await updateBot(t.current.server.db, ctx.botId, {
      settings: { theme: { primaryColor: '#0f766e', position: 'left' }, strings: { openChat: 'Ask us' } },
    });
    const response = await t.current.request(path(ctx.botId));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.settings).toEqual({
      botName: ctx.botName,
      theme: { primaryColor: '#0f766e', position: 'left' },
      strings: { openChat: 'Ask us' },
      online: true,
    });
    expect(Object.keys(body)).toEqual(['settings']);
  });

  it('fills a theme the bot left partly unset with the defaults', async () => {
    await updateBot(t.current.server.db, ctx.botId, { settings: { theme: { position: 'left' } } });
    const { settings } = await (await t.current.request(path(ctx.botId))).json();
    expect(settings.theme).toEqual({ primaryColor: DEFAULT_PRIMARY_COLOR, position: 'left' });
    expect(settings.strings).toEqual({});
  });

  it('answers 404 for an unknown bot and 400 for an id that cannot be one', async () => {
    const unknown = await t.current.request(path('no-such-bot'));
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatchObject({ code: 'not_found' });
    expect(unknown.headers.get('cache-control')).toBeNull();
    const tooLong = await t.current.request(path('x'.repeat(101)));
    expect(tooLong.status).toBe(400);
  });

  it("sends CORS headers to the bot's allowed origins only", async () => {
    await updateBot(t.current.server.db, ctx.botId, { allowedOrigins: ['https://shop.example'] });
    const ok = await t.current.request(path(ctx.botId), { headers: { origin: 'https://shop.example' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(ok.headers.get('vary')).toBe('Origin');
    const foreign = await t.current.request(path(ctx.botId), { headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(foreign.headers.get('cache-control')).toBeNull();
    await updateBot(t.current.server.db, ctx.botId, { allowedOrigins: ['*'] });
    const any = await t.current.request(path(ctx.botId), { headers: { origin: 'https://other.example' } });
    expect(any.headers.get('access-control-allow-origin')).toBe('https://other.example');
  });

  it('reports nobody online when no agent is', async () => {
    const { bot } = await seedWorkspace(t.current.server.db, 'offline', { agentOnline: false });
    const { settings } = await (await t.current.request(path(bot.id))).json();
    expect(settings.online).toBe(false);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = await (await t.current.request('/openapi.json')).json();
    const operation = doc.paths['/api/public/bots/{botId}/widget']?.get;
    expect(operation).toBeDefined();
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '404', '429']));
    expect(operation.security ?? []).toEqual([]);
  });
});

describe('GET /api/public/bots/{botId}/widget under the public rate limits', () => {
  const t = useTestServer('pglite', { PUBLIC_RATE_LIMIT_PER_IP: 2 });

  it('answers 429 with Retry-After once the address has spent its budget', async () => {
    const { bot } = await seedWorkspace(t.current.server.db, 'limited');
    expect((await t.current.request(path(bot.id))).status).toBe(200);
    expect((await t.current.request(path(bot.id))).status).toBe(200);
    const limited = await t.current.request(path(bot.id));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
