import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedRequest, isPrivateAddress } from './guarded-http';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, method: req.method }));
    } else if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('x'.repeat(10_000));
    } else if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 2000);
    } else {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'text/plain' });
        res.end(`echo:${body}`);
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const request = (path: string, overrides: Partial<Parameters<typeof guardedRequest>[0]> = {}) =>
  guardedRequest({
    method: 'GET',
    url: `${base}${path}`,
    headers: {},
    body: undefined,
    timeoutMs: 1000,
    maxBytes: 5000,
    allowPrivate: true,
    ...overrides,
  });

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['192.168.0.1', true],
    ['172.20.0.1', true],
    ['169.254.169.254', true],
    ['::1', true],
    ['fd00::1', true],
    ['::ffff:127.0.0.1', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['2606:4700::1111', false],
  ])('classifies loopback, private, link-local and mapped addresses: %s → %s', (address, isPrivate) => {
    expect(isPrivateAddress(address)).toBe(isPrivate);
  });
});

describe('guardedRequest', () => {
  it('parses JSON and returns text otherwise, with the body sent', async () => {
    expect(await request('/json')).toEqual({ status: 200, body: { ok: true, method: 'GET' } });
    expect(await request('/echo', { method: 'POST', body: 'hi' })).toEqual({ status: 201, body: 'echo:hi' });
  });

  it('refuses loopback targets unless allowed, by literal IP and by resolved name', async () => {
    await expect(request('/json', { allowPrivate: false })).rejects.toMatchObject({ code: 'blocked_address' });
    const port = new URL(base).port;
    await expect(request('', { url: `http://localhost:${port}/json`, allowPrivate: false })).rejects.toMatchObject({
      code: 'blocked_address',
    });
  });

  it('caps the size and the time', async () => {
    await expect(request('/big')).rejects.toMatchObject({ code: 'too_large' });
    await expect(request('/slow', { timeoutMs: 200 })).rejects.toMatchObject({ code: 'timeout' });
  });

  it('rejects non-http URLs', async () => {
    await expect(request('', { url: 'file:///etc/passwd' })).rejects.toMatchObject({ code: 'bad_url' });
  });
});
