import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../src/http/routes/auth/login-throttle';
import { PASSWORD, seedWorkspace, XHR } from '../fixtures/accounts';
import { useTestServer } from '../server';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the session cookie behind a TLS proxy (TRUST_PROXY=true, no PUBLIC_URL)', () => {
  const t = useTestServer('pglite', { TRUST_PROXY: true });
  const login = (email: string, headers: Record<string, string>) =>
    t.current.request('/api/auth/login', { method: 'POST', headers, json: { email, password: PASSWORD } });

  it('is Secure when the proxy says the request came over https; the https origin may sign in', async () => {
    const { admin } = await seedWorkspace(t.current.server.db);
    const viaTls = await login(admin.email, { ...XHR, 'x-forwarded-proto': 'https' });
    expect(viaTls.status).toBe(200);
    expect(viaTls.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    // The browser's Origin is the https address the proxy serves.
    const origin = new URL(t.current.server.url);
    origin.protocol = 'https:';
    const fromPage = await login(admin.email, { origin: origin.origin, 'x-forwarded-proto': 'https' });
    expect(fromPage.status).toBe(200);
    // A chain of proxies: the last hop is the one in front of us.
    const chained = await login(admin.email, { ...XHR, 'x-forwarded-proto': 'http, https' });
    expect(chained.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    const plain = await login(admin.email, { ...XHR, 'x-forwarded-proto': 'http' });
    expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
  });
});

describe('X-Forwarded-Proto without TRUST_PROXY', () => {
  const t = useTestServer('pglite');

  it('is ignored: anyone could send it', async () => {
    const { admin } = await seedWorkspace(t.current.server.db);
    const response = await t.current.request('/api/auth/login', {
      method: 'POST',
      headers: { ...XHR, 'x-forwarded-proto': 'https' },
      json: { email: admin.email, password: PASSWORD },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
  });
});

describe('guessing one account’s password from many addresses', () => {
  const t = useTestServer('pglite', { TRUST_PROXY: true });
  let address = 0;
  const attempt = (email: string, password: string) =>
    t.current.request('/api/auth/login', {
      method: 'POST',
      headers: { ...XHR, 'x-forwarded-for': `203.0.113.${++address % 250}` },
      json: { email, password },
    });
  const retryAfter = (response: Response) => Number(response.headers.get('retry-after'));

  it('is slowed by a growing delay per account; the right password works once the delay is over', async () => {
    const { agent, admin } = await seedWorkspace(t.current.server.db);
    const statuses: number[] = [];
    for (let n = 0; n < LoginThrottle.FREE_FAILURES; n++) statuses.push((await attempt(agent.email, 'guess')).status);
    expect(statuses.every((status) => status === 401)).toBe(true);

    const first = await attempt(agent.email, 'guess');
    expect(first.status).toBe(429);
    expect(retryAfter(first)).toBe(1);
    // Another account is not slowed by this one's failures.
    expect((await attempt(admin.email, PASSWORD)).status).toBe(200);

    await sleep(1100);
    expect((await attempt(agent.email, 'guess')).status).toBe(401);
    const second = await attempt(agent.email, 'guess');
    expect(second.status).toBe(429);
    expect(retryAfter(second)).toBe(2);

    await sleep(2100);
    expect((await attempt(agent.email, 'guess')).status).toBe(401);
    const third = await attempt(agent.email, PASSWORD);
    // Refused during the delay even with the right password (else the 429 would tell the guess was wrong)...
    expect(third.status).toBe(429);
    expect(retryAfter(third)).toBe(4);

    // ...but never locked: after the delay the owner signs in, which starts the count again.
    await sleep(4100);
    expect((await attempt(agent.email, PASSWORD)).status).toBe(200);
    expect((await attempt(agent.email, 'guess')).status).toBe(401);
    expect((await attempt(agent.email, PASSWORD)).status).toBe(200);
  });
});

describe('LoginThrottle', () => {
  it('doubles the delay per failure up to the cap, forgets after a quiet window, resets on success', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    const delays: number[] = [];
    for (let n = 0; n < LoginThrottle.FREE_FAILURES + 9; n++) {
      now += throttle.wait('a');
      expect(throttle.wait('a')).toBe(0);
      throttle.attempt('a');
      delays.push(throttle.wait('a'));
    }
    expect(delays.slice(0, LoginThrottle.FREE_FAILURES - 1).every((delay) => delay === 0)).toBe(true);
    expect(delays.slice(LoginThrottle.FREE_FAILURES - 1)).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000,
    ]);
    expect(throttle.wait('b')).toBe(0);
    throttle.succeeded('a');
    expect(throttle.wait('a')).toBe(0);

    for (let n = 0; n < LoginThrottle.FREE_FAILURES; n++) throttle.attempt('c');
    expect(throttle.wait('c')).toBe(1000);
    now += LoginThrottle.FORGET_AFTER_MS + 1;
    expect(throttle.wait('c')).toBe(0);
    throttle.attempt('c');
    expect(throttle.wait('c')).toBe(0);
  });

  it('keeps memory bounded when attackers spray many accounts', () => {
    const throttle = new LoginThrottle(() => 0, 100);
    for (let n = 0; n < 1000; n++) throttle.attempt(`user-${n}@example.com`);
    expect(throttle.size).toBeLessThanOrEqual(100);
  });
});
