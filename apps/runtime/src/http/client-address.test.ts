import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

const addressSeen = async (trustProxy: boolean, forwardedFor?: string) => {
  const app = new Hono().get('/', (c) => c.text(clientAddress(c, trustProxy)));
  const response = await app.request('/', { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });
  return response.text();
};

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
    expect(await addressSeen(false, '203.0.113.9')).toBe('unknown');
  });

  it('behind a trusted proxy, takes the hop the proxy added, not what the client claimed before it', async () => {
    expect(await addressSeen(true, '203.0.113.9')).toBe('203.0.113.9');
    expect(await addressSeen(true, '10.9.9.9, 203.0.113.9')).toBe('203.0.113.9');
    expect(await addressSeen(true, '10.9.9.9,203.0.113.9 ')).toBe('203.0.113.9');
  });

  it('falls back to the socket address when a trusted proxy sent no header', async () => {
    expect(await addressSeen(true)).toBe('unknown');
  });
});
