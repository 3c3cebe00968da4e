import { describe, expect, it } from 'vitest';
import { databaseKinds } from './db';
import { loginHeaders, seedWorkspace } from './fixtures/accounts';
import { TestVisitor } from './fixtures/visitor';
import { useTestServer } from './server';

type OpenApi = { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };

const BODIES: Array<[string, string]> = [
  ['empty object', '{}'],
  [
    'wrong types',
    JSON.stringify({ name: 42, email: [], draft: 'x', content: 7, clientId: {}, version: 'one', note: 5 }),
  ],
  ['array', '[1,2,3]'],
  ['null', 'null'],
  ['malformed', '{"a":'],
  ['string', '"text"'],
];

/** Statuses any route may answer without listing them: the body limit and, on a dead database, 503. */
const GLOBAL_STATUSES = new Set([413, 503]);

/**
 * Walks every documented route with bad input as admin, agent, visitor and anonymous: never a 5xx, and every
 * answer is a status the route's OpenAPI entry documents.
 */
describe.each(databaseKinds)('no route answers 5xx on %s', (kind) => {
  const t = useTestServer(kind);

  it('holds for every documented operation', async () => {
    const { url, db } = t.current.server;
    const { admin, agent, bot } = await seedWorkspace(db);
    const visitor = new TestVisitor(url, bot.id);
    await visitor.start();
    const identities: Record<string, Record<string, string>> = {
      anonymous: { 'x-requested-with': 'test' },
      admin: await loginHeaders(url, admin.email),
      agent: await loginHeaders(url, agent.email),
      visitor: { authorization: `Bearer ${visitor.token}` },
    };
    const document = (await (await fetch(`${url}/openapi.json`)).json()) as OpenApi;
    const failures: string[] = [];
    const undocumented = new Set<string>();
    let calls = 0;
    // A route walked earlier (sign-out, password change) may end a session: each route is called signed in.
    const signIn = async () => {
      for (const [who, user] of [
        ['admin', admin],
        ['agent', agent],
      ] as const) {
        const me = await fetch(`${url}/api/auth/me`, { headers: identities[who] });
        await me.arrayBuffer();
        if (me.status === 401) identities[who] = await loginHeaders(url, user.email);
      }
    };
    for (const [template, item] of Object.entries(document.paths)) {
      await signIn();
      for (const method of Object.keys(item).filter((key) => ['get', 'post', 'put', 'patch', 'delete'].includes(key))) {
        for (const id of ['unknown-id', visitor.conversationId]) {
          const path = template.replace(/\{[^}]+\}/g, encodeURIComponent(id));
          for (const [who, headers] of Object.entries(identities)) {
            const bodies = method === 'get' || method === 'delete' ? [['none', undefined] as const] : BODIES;
            for (const [label, body] of bodies) {
              const response = await fetch(`${url}${path}?after=abc&limit=-1`, {
                method: method.toUpperCase(),
                headers: { ...headers, 'content-type': 'application/json' },
                body,
              });
              calls++;
              const documented = Object.keys(item[method]?.responses ?? {});
              if (!documented.includes(String(response.status)) && !GLOBAL_STATUSES.has(response.status))
                undocumented.add(
                  `${method.toUpperCase()} ${template} → ${response.status} (documents ${documented.join(', ')})`,
                );
              if (response.status >= 500)
                failures.push(`${method.toUpperCase()} ${path} as ${who} with ${label}: ${response.status}`);
              const type = response.headers.get('content-type') ?? '';
              if (response.status >= 400 && type.includes('json')) {
                const json = (await response.json()) as { error?: { code?: string; message?: string } };
                if (!json.error?.code || !json.error.message)
                  failures.push(`${method} ${path}: error body without code/message`);
              } else {
                await response.arrayBuffer();
              }
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect([...undocumented]).toEqual([]);
    expect(calls).toBeGreaterThan(200);
  }, 300_000);
});
