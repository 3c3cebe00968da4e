import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../src/people/login-throttle';
import { MemoryRateLimitStore } from '../../src/services/rate-limit-store';
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

    // The delay itself is under test on a real server's clock: each wait is its Retry-After, run out (a longer
    // wait under load changes nothing; the same steps on a fake clock are the unit test below).
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

describe('the progressive delay in memory (MemoryRateLimitStore.attempt, LoginThrottle.BACKOFF)', () => {
  const backoff = LoginThrottle.BACKOFF;

  it('doubles the delay per failure up to the cap, forgets after a quiet window, resets on success', async () => {
    let now = 0;
    const store = new MemoryRateLimitStore(() => now);
    // Each loop counts one failure; any attempt refused before it (not counted) shows the running delay.
    const delays: number[] = [];
    for (let n = 0; n < LoginThrottle.FREE_FAILURES + 9; n++) {
      let wait = await store.attempt('login', 'a', backoff);
      while (wait > 0) {
        delays.push(wait);
        now += wait;
        wait = await store.attempt('login', 'a', backoff);
      }
    }
    delays.push(await store.attempt('login', 'a', backoff));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000]);
    expect(await store.attempt('login', 'b', backoff)).toBe(0);
    await store.reset('login', 'a');
    expect(await store.attempt('login', 'a', backoff)).toBe(0);

    for (let n = 0; n < LoginThrottle.FREE_FAILURES; n++) await store.attempt('login', 'c', backoff);
    expect(await store.attempt('login', 'c', backoff)).toBe(1000);
    now += LoginThrottle.FORGET_AFTER_MS + 1;
    expect(await store.attempt('login', 'c', backoff)).toBe(0);
    expect(await store.attempt('login', 'c', backoff)).toBe(0);
  });

  it('keeps memory bounded when attackers spray many accounts', async () => {
    const store = new MemoryRateLimitStore(() => 0, 100);
    for (let n = 0; n < 1000; n++) await store.attempt('login', `user-${n}@example.com`, backoff);
    // The first accounts were dropped: their count starts again (a kept one would be delayed by now).
    for (let n = 0; n < LoginThrottle.FREE_FAILURES; n++) {
      expect(await store.attempt('login', 'user-0@example.com', backoff)).toBe(0);
    }
    expect(await store.attempt('login', 'user-0@example.com', backoff)).toBeGreaterThan(0);
  });
});
