import { expect } from 'vitest';
import { PREVIEW_SUMMARY_LIMIT_PER_MINUTE } from '../../src/ai-settings/status-routes';
import type { RunningServer } from '../../src/server';
import { loginHeaders, PASSWORD, seedWorkspace, XHR } from '../fixtures/accounts';

/**
 * One client's budget spent over several instances taken in turn: every attempt up to the limit passes, the
 * next one is refused with a 429 that says when to retry, whichever instance it reaches. With a budget per
 * instance, N instances would let N times as many through.
 */

let addresses = 0;
/** A client address of its own per scenario (the per-address budgets of other scenarios stay out of it). */
export const freshAddress = () => `198.18.${Math.floor(++addresses / 250)}.${addresses % 250}`;

async function post(server: RunningServer, path: string, address: string, json: unknown, headers = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...XHR, ...headers },
    body: JSON.stringify(json),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() };
}

type Answer = Awaited<ReturnType<typeof post>>;

/** The refusal says which budget and how long to wait, in the body and in Retry-After. */
export function expectRefused(answer: Answer, what: RegExp) {
  expect(answer.status).toBe(429);
  expect(answer.body.error.code).toBe('rate_limited');
  expect(answer.body.error.message).toMatch(what);
  const [, amount, unit] = /try again in (\d+) (s|min)$/.exec(answer.body.error.message) ?? [];
  const seconds = Number(answer.retryAfter);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(Number(amount)).toBe(unit === 's' ? seconds : Math.ceil(seconds / 60));
}

/** Wrong passwords for one account from one address: 10 per 15 minutes in all, then 429 on every instance. */
export async function spendLoginBudget(servers: RunningServer[], label: string) {
  const { agent, admin } = await seedWorkspace(servers[0]!.db, label);
  const address = freshAddress();
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) {
    const on = servers[i % servers.length]!;
    statuses.push((await post(on, '/api/auth/login', address, { email: agent.email, password: 'guess' })).status);
  }
  expect(statuses).toEqual(Array(10).fill(401));
  for (const on of servers) {
    expectRefused(
      await post(on, '/api/auth/login', address, { email: agent.email, password: PASSWORD }),
      /^Too many sign-in attempts; try again in \d+ (s|min)$/,
    );
  }
  // Another account from the same address is not held up.
  expect((await post(servers[1]!, '/api/auth/login', address, { email: admin.email, password: PASSWORD })).status).toBe(
    200,
  );
}

/** Password reset requests for one account: 3 per 15 minutes in all, then 429 on every instance. */
export async function spendResetBudget(servers: RunningServer[], label: string) {
  const { agent } = await seedWorkspace(servers[0]!.db, label);
  const statuses: number[] = [];
  for (let i = 0; i < 3; i++) {
    const on = servers[i % servers.length]!;
    statuses.push((await post(on, '/api/auth/password-reset', freshAddress(), { email: agent.email })).status);
  }
  expect(statuses).toEqual([202, 202, 202]);
  for (const on of servers) {
    expectRefused(
      await post(on, '/api/auth/password-reset', freshAddress(), { email: agent.email }),
      /^Too many reset requests; try again in \d+ (s|min)$/,
    );
  }
  await Promise.all(servers.map((server) => server.services.background.idle()));
}

/** AI preview summaries of one admin: PREVIEW_SUMMARY_LIMIT_PER_MINUTE in all, then 429 on every instance. */
export async function spendPreviewBudget(servers: RunningServer[], label: string) {
  const { admin } = await seedWorkspace(servers[0]!.db, label);
  const signedIn = await loginHeaders(servers[0]!.url, admin.email);
  const address = freshAddress();
  const preview = { transcript: [{ author: 'visitor', text: 'I was charged twice.' }] };
  const statuses: number[] = [];
  for (let i = 0; i < PREVIEW_SUMMARY_LIMIT_PER_MINUTE; i++) {
    const on = servers[i % servers.length]!;
    statuses.push((await post(on, '/api/admin/ai/preview-summary', address, preview, signedIn)).status);
  }
  expect(statuses).toEqual(Array(PREVIEW_SUMMARY_LIMIT_PER_MINUTE).fill(200));
  for (const on of servers) {
    expectRefused(
      await post(on, '/api/admin/ai/preview-summary', address, preview, signedIn),
      /^Too many preview summaries; try again in \d+ (s|min)$/,
    );
  }
}
