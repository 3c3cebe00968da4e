import { beforeAll } from 'vitest';
import type { Config } from '../../src/config';
import type { DatabaseKind } from '../../src/db/database';
import type { DeliveredEmail } from '../fakes/resend-server';
import { useFakeResend } from '../fakes/use-fake-resend';
import { loginHeaders, seedWorkspace, XHR } from '../fixtures/accounts';
import { waitFor } from '../poll';
import { useTestServer } from '../server';

export const PUBLIC_URL = 'https://desk.example.test';

/**
 * A runtime sending email through the real `resend` SDK to the fake Resend server, with a workspace (admin,
 * agent, bot) and the admin signed in.
 */
export function usePeopleServer(kind: DatabaseKind) {
  const overrides: Partial<Config> = { PUBLIC_URL };
  const holder = {} as { ws: Awaited<ReturnType<typeof seedWorkspace>>; admin: Headers };
  type Headers = Record<string, string>;
  const fake = useFakeResend(overrides);
  const server = useTestServer(kind, overrides);
  beforeAll(async () => {
    holder.ws = await seedWorkspace(server.current.database.db, 'people');
    holder.admin = await loginHeaders(server.current.server.url, holder.ws.admin.email);
  });

  const s = {
    get url() {
      return server.current.server.url;
    },
    get db() {
      return server.current.database.db;
    },
    get ws() {
      return holder.ws;
    },
    get admin() {
      return holder.admin;
    },
    get fake() {
      return fake.current;
    },
    call: (method: string, path: string, headers: Headers, json?: unknown) =>
      server.current.call(method, path, headers, json),
    /** Emails delivered to `address` so far. */
    emailsTo: (address: string) => fake.current.deliveredTo(address),
    /** Waits for the `count`th email to `address`. */
    nthEmailTo: (address: string, count: number): Promise<DeliveredEmail> =>
      waitFor(async () => s.emailsTo(address)[count - 1]),
    /** POST without a session, with the CSRF header; returns the status, body and the session cookie set. */
    async post(path: string, json: unknown) {
      const response = await fetch(`${s.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...XHR },
        body: JSON.stringify(json),
      });
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      return { status: response.status, body: await response.json(), cookie };
    },
  };
  return s;
}

/** The token of the link to `page` in an email (from its HTML: the button's href). */
export function linkToken(email: DeliveredEmail, page: 'accept-invite' | 'reset-password'): string {
  const match = new RegExp(`href="${PUBLIC_URL}/app/${page}\\?token=([^"&]+)"`).exec(email.payload.html ?? '');
  if (!match?.[1]) throw new Error(`no ${page} link in: ${email.payload.html?.slice(0, 500)}`);
  return decodeURIComponent(match[1]);
}

/** A token with one character of its signature changed. */
export const tampered = (token: string) => `${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.slice(-1)}`;
