import type { ServerFrame } from '@flowdesk/contract';
import { supportBotFlow } from '@flowdesk/engine';
import { describe, expect, it } from 'vitest';
import { seedWorkspace } from './fixtures/accounts';
import { publishFlow } from './fixtures/flows';
import { TestVisitor } from './fixtures/visitor';
import { TestSocket, wsUrl } from './fixtures/ws-client';
import { type TestServer, useTestServer } from './server';

interface ErrorBody {
  error: { code: string; message: string; details: { retryAfterSeconds: number } };
}

async function withBot(t: { current: TestServer }) {
  const { bot } = await seedWorkspace(t.current.server.db);
  await publishFlow(t.current.server.db, bot.id, supportBotFlow);
  await t.current.server.db
    .updateTable('bots')
    .set({ allowed_origins: JSON.stringify(['https://shop.example']) })
    .execute();
  return bot.id;
}

/** A visitor whose requests come through the load balancer from `address`. */
const visitorFrom = (t: { current: TestServer }, botId: string, address: string) =>
  new TestVisitor(t.current.server.url, botId, 'https://shop.example', { 'x-forwarded-for': address });

async function expectLimited(response: Response, message: RegExp) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  // A browser may read it: the CORS headers are on the 429 too.
  expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe('rate_limited');
  expect(body.error.message).toMatch(message);
  expect(body.error.message).toContain(`try again in ${retryAfter} s`);
  expect(body.error.details.retryAfterSeconds).toBe(retryAfter);
}

const storedTexts = async (t: { current: TestServer }, conversationId: string) =>
  (
    await t.current.server.db
      .selectFrom('messages')
      .select('payload')
      .where('conversation_id', '=', conversationId)
      .where('author_kind', '=', 'visitor')
      .execute()
  ).map((row) => (row.payload as { text?: string }).text);

describe('public API rate limit per client address (behind a trusted proxy)', () => {
  const t = useTestServer('pglite', { TRUST_PROXY: true, PUBLIC_RATE_LIMIT_PER_IP: 6 });

  it('answers 429 with Retry-After once an address spent its budget; other addresses go on; spoofed hops do not help', async () => {
    const botId = await withBot(t);
    const first = visitorFrom(t, botId, '198.51.100.7');
    await first.start();
    for (let i = 1; i <= 5; i++) await first.say(`message ${i}`);
    await expectLimited(await first.send({ type: 'text', text: 'one too many' }), /from this address/);
    expect(await storedTexts(t, first.conversationId)).not.toContain('one too many');

    // A second visitor on the same address shares its budget...
    const sameAddress = visitorFrom(t, botId, '198.51.100.7');
    await expect(sameAddress.start()).rejects.toThrow(/429/);
    // ...a claimed earlier hop is not trusted: the last hop (what the proxy saw) counts...
    const spoofed = visitorFrom(t, botId, '203.0.113.50, 198.51.100.7');
    await expect(spoofed.start()).rejects.toThrow(/429/);
    // ...and another address has its own.
    const other = visitorFrom(t, botId, '198.51.100.8');
    await other.start();
    expect((await other.say('hello from next door')).message.content).toEqual({
      type: 'text',
      text: 'hello from next door',
    });
  });
});

describe('public API rate limits per visitor, per session start and per WebSocket', () => {
  const t = useTestServer('pglite', {
    PUBLIC_RATE_LIMIT_PER_VISITOR: 4,
    PUBLIC_SESSION_LIMIT_PER_IP: 3,
    WS_FRAME_LIMIT: 5,
  });
  const ctx = {} as { botId: string; first: TestVisitor; second: TestVisitor };

  it('limits how many new chat sessions one address starts', async () => {
    ctx.botId = await withBot(t);
    ctx.first = new TestVisitor(t.current.server.url, ctx.botId, 'https://shop.example');
    ctx.second = new TestVisitor(t.current.server.url, ctx.botId, 'https://shop.example');
    await ctx.first.start();
    await ctx.second.start();
    await new TestVisitor(t.current.server.url, ctx.botId, 'https://shop.example').start();
    const fourth = await fetch(`${t.current.server.url}/api/public/bots/${ctx.botId}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://shop.example' },
      body: '{}',
    });
    await expectLimited(fourth, /new chat sessions from this address/);
    expect(await t.current.server.db.selectFrom('visitors').select('id').execute()).toHaveLength(3);
    // Returning visitors (page loads with their token) are not new sessions: they go on.
    const again = await new TestVisitor(t.current.server.url, ctx.botId, 'https://shop.example').start({
      visitorToken: ctx.first.token,
    });
    expect(again.visitorId).toBe(ctx.first.session.visitorId);
    // A made-up token does not get a new visitor past the budget either.
    const forged = await fetch(`${t.current.server.url}/api/public/bots/${ctx.botId}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://shop.example' },
      body: JSON.stringify({ visitorToken: 'made-up-token' }),
    });
    await expectLimited(forged, /new chat sessions from this address/);
  });

  it('limits each visitor on its own; a refused message is not stored and other visitors go on', async () => {
    for (let i = 1; i <= 4; i++) await ctx.first.say(`message ${i}`);
    await expectLimited(await ctx.first.send({ type: 'text', text: 'one too many' }), /from this visitor/);
    expect(await storedTexts(t, ctx.first.conversationId)).toEqual([
      'message 1',
      'message 2',
      'message 3',
      'message 4',
    ]);
    expect((await ctx.second.say('still here')).message.seq).toBeGreaterThan(0);
  });

  it('refuses the WebSocket handshake of a visitor over budget', async () => {
    await expect(TestSocket.open(wsUrl(t.current.server.url, `?visitorToken=${ctx.first.token}`))).rejects.toThrow(
      'HTTP 429',
    );
  });

  it('ignores frames over the per-socket budget, says so once, and keeps the socket open', async () => {
    const socket = await TestSocket.open(wsUrl(t.current.server.url, `?visitorToken=${ctx.second.token}`), {
      headers: { origin: 'https://shop.example' },
    });
    await socket.until((frames) => frames.some((frame) => frame.type === 'ready'));
    for (let i = 0; i < 12; i++) socket.send({ type: 'ping' });
    const limited = (frame: ServerFrame) => frame.type === 'error' && frame.code === 'rate_limited';
    await socket.until((frames) => frames.some(limited));
    await socket.flushed(); // every ping was handled (or ignored) before the socket's own pong
    expect(socket.frames.filter((frame) => frame.type === 'pong')).toHaveLength(5);
    expect(socket.frames.filter(limited)).toHaveLength(1);
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
    await socket.close();
  });
});
