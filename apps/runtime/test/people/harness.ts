import { beforeAll } from 'vitest';
import type { DatabaseKind } from '../../src/db/database';
import type { DeliveredEmail } from '../fakes/resend-server';
import { TestServerWithFakeResend, useServerWithFakeResend } from '../fakes/use-fake-resend';
import { loginHeaders, seedWorkspace, XHR } from '../fixtures/accounts';
import { waitFor } from '../poll';

export const PUBLIC_URL = 'https://desk.example.test';

type Headers = Record<string, string>;

/**
 * A runtime sending email through the real `resend` SDK to the fake Resend server, with a workspace (admin,
 * agent, bot) and the admin signed in.
 */
export function usePeopleServer(kind: DatabaseKind) {
  return new PeopleServer(useServerWithFakeResend(kind, { PUBLIC_URL }));
}

class PeopleServer extends TestServerWithFakeResend {
  readonly #seeded = {} as { ws: Awaited<ReturnType<typeof seedWorkspace>>; admin: Headers };

  constructor(running: ReturnType<typeof useServerWithFakeResend>) {
    super(running);
    beforeAll(async () => {
      this.#seeded.ws = await seedWorkspace(this.db, 'people');
      this.#seeded.admin = await loginHeaders(this.url, this.#seeded.ws.admin.email);
    });
  }

  get ws() {
    return this.#seeded.ws;
  }

  get admin() {
    return this.#seeded.admin;
  }

  call(method: string, path: string, headers: Headers, json?: unknown) {
    return this.server.current.call(method, path, headers, json);
  }

  /** Emails delivered to `address` so far. */
  emailsTo(address: string) {
    return this.fake.deliveredTo(address);
  }

  /** Waits for the `count`th email to `address`. */
  nthEmailTo(address: string, count: number): Promise<DeliveredEmail> {
    return waitFor(async () => this.emailsTo(address)[count - 1]);
  }

  /** POST without a session, with the CSRF header; returns the status, body and the session cookie set. */
  async post(path: string, json: unknown) {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...XHR },
      body: JSON.stringify(json),
    });
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return { status: response.status, body: await response.json(), cookie };
  }
}

/** The token of the link to `page` in an email (from its HTML: the button's href). */
export function linkToken(email: DeliveredEmail, page: 'accept-invite' | 'reset-password'): string {
  const match = new RegExp(`href="${PUBLIC_URL}/app/${page}\\?token=([^"&]+)"`).exec(email.payload.html ?? '');
  if (!match?.[1]) throw new Error(`no ${page} link in: ${email.payload.html?.slice(0, 500)}`);
  return decodeURIComponent(match[1]);
}

/** A token with one character of its signature changed. */
export const tampered = (token: string) => `${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.slice(-1)}`;
