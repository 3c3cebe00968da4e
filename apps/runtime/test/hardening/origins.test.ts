import { describe, expect, it } from 'vitest';
import { normalizeOrigin } from '../../src/http/middleware/public-cors';
import { seedTwoWorkspaces } from '../fixtures/accounts';
import { useTestServer } from '../server';

describe('allowed origins match the way browsers send them', () => {
  const t = useTestServer('pglite');

  it('normalises scheme, host case and default ports', () => {
    expect(normalizeOrigin('HTTP://LOCALHOST:4101')).toBe('http://localhost:4101');
    expect(normalizeOrigin('https://Shop.Example:443')).toBe('https://shop.example');
    expect(normalizeOrigin('http://shop.example:80')).toBe('http://shop.example');
    expect(normalizeOrigin('*')).toBe('*');
  });

  it('an origin saved in capitals is stored normalised and lets the page in', async () => {
    const { mine, admin } = await seedTwoWorkspaces(t.current.server);
    const patched = await t.current.call('PATCH', `/api/admin/bots/${mine.bot.id}`, admin, {
      allowedOrigins: ['http://LOCALHOST:4101', 'https://Shop.Example:443'],
    });
    expect(patched.body.bot.allowedOrigins).toEqual(['http://localhost:4101', 'https://shop.example']);
    const start = (origin: string) =>
      fetch(`${t.current.server.url}/api/public/bots/${mine.bot.id}/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: '{}',
      });
    expect((await start('http://localhost:4101')).status).toBe(200);
    expect((await start('https://shop.example')).status).toBe(200);
    expect((await start('https://evil.example')).status).toBe(403);
  });

  it('a website that is not an origin is refused with what is wrong, in words the dashboard shows', async () => {
    const { mine, admin } = await seedTwoWorkspaces(t.current.server);
    const refused = await t.current.call('PATCH', `/api/admin/bots/${mine.bot.id}`, admin, {
      allowedOrigins: ['https://shop.example', 'not a website'],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'invalid_request',
      message: 'allowedOrigins.1: an origin like https://example.com, or *',
      details: [expect.objectContaining({ path: 'allowedOrigins.1' })],
    });
  });
});
