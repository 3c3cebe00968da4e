import { Resend } from 'resend';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeResendServer, startFakeResend } from './resend-server';

let fake: FakeResendServer;
let resend: Resend;
const email = { from: 'Flowdesk <bot@example.test>', to: ['ana@example.test'], subject: 'Hi', html: '<p>Hi</p>' };

beforeEach(async () => {
  fake = await startFakeResend();
  resend = new Resend('re_test_key', { baseUrl: fake.baseUrl });
});
afterEach(() => fake.close());

describe('fake Resend server through the real SDK', () => {
  it('records the payload, the API key and the idempotency key', async () => {
    const { data, error } = await resend.emails.send({ ...email, text: 'Hi' }, { idempotencyKey: 'k-1' });
    expect(error).toBeNull();
    expect(data?.id).toMatch(/[0-9a-f-]{36}/);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ apiKey: 're_test_key', idempotencyKey: 'k-1', status: 200 });
    expect(fake.delivered[0]?.payload).toMatchObject({ subject: 'Hi', text: 'Hi', to: ['ana@example.test'] });
  });

  it('dedupes a repeat with the same key and rejects the key reused for another email', async () => {
    const first = await resend.emails.send(email, { idempotencyKey: 'k-2' });
    const again = await resend.emails.send(email, { idempotencyKey: 'k-2' });
    expect(again.data?.id).toBe(first.data?.id);
    const other = await resend.emails.send({ ...email, subject: 'Other' }, { idempotencyKey: 'k-2' });
    expect(other.error).toMatchObject({ statusCode: 409, name: 'invalid_idempotent_request' });
    expect(fake.delivered).toHaveLength(1);
    expect(fake.requests).toHaveLength(3);
  });

  it('answers injected 500s as SDK errors, then recovers', async () => {
    fake.inject({ status: 500 }, { status: 503 });
    const a = await resend.emails.send(email, { idempotencyKey: 'k-3' });
    const b = await resend.emails.send(email, { idempotencyKey: 'k-3' });
    const c = await resend.emails.send(email, { idempotencyKey: 'k-3' });
    expect(a.error?.statusCode).toBe(500);
    expect(b.error?.statusCode).toBe(503);
    expect(c.error).toBeNull();
    expect(fake.delivered).toHaveLength(1);
  });

  it('hangs so the caller times out; a hung delivery still dedupes on retry', async () => {
    fake.inject({ hang: true, deliver: true });
    const hung = await resend.emails.send(email, { idempotencyKey: 'k-4', signal: AbortSignal.timeout(200) });
    expect(hung.error).toMatchObject({ statusCode: null });
    expect(fake.delivered).toHaveLength(1);
    const retry = await resend.emails.send(email, { idempotencyKey: 'k-4' });
    expect(retry.data?.id).toBe(fake.delivered[0]?.id);
    expect(fake.delivered).toHaveLength(1);
  });

  it('refuses a request without an API key and a payload without a recipient', async () => {
    const res = await fetch(`${fake.baseUrl}/emails`, { method: 'POST', body: JSON.stringify(email) });
    expect(res.status).toBe(401);
    const bad = await resend.emails.send({ ...email, to: '' });
    expect(bad.error).toMatchObject({ statusCode: 422, name: 'validation_error' });
    expect(fake.delivered).toHaveLength(0);
  });
});
