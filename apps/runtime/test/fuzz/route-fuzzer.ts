import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginHeaders } from '../fixtures/accounts';
import { inParallel, startVisitors } from '../reliability/harness/clients';
import { seedEchoBot } from '../reliability/harness/echo-bot';
import { useTestServer } from '../server';
import { badBody, badQuery, badSegment, contentType, credential } from './bad-inputs';

// 250 inputs a route in the everyday run (`pnpm test`); CI's second pass (Node 24, `test:db`) sets FUZZ_CASES=1000.
// The same seed makes a shorter run the first inputs of a longer one.
const CASES_PER_ROUTE = fuzzCases(process.env.FUZZ_CASES);

function fuzzCases(value: string | undefined): number {
  if (value === undefined || value === '') return 250;
  const cases = Number(value);
  if (!Number.isInteger(cases) || cases < 1)
    throw new Error(`FUZZ_CASES must be a whole number above 0, not "${value}"`);
  return cases;
}
const SKIP = new Set(['GET /ws']); // fuzzed frame by frame in ws-frames.test.ts

interface Tally {
  route: string;
  tried: number;
  ok: number;
  client: number;
  server: number;
  unclear: string[];
  ms: number;
}

/**
 * Fuzzes every `shards`-th route the app registers, starting at `shard` (0-based), so the 118 routes x FUZZ_CASES
 * inputs spread over several test files and workers. A route's inputs depend only on its index.
 * PostgreSQL by default; FUZZ_DATABASE=pglite runs the same against the embedded database.
 */
export function fuzzRoutes(shard: number, shards: number) {
  describe(`fuzz, shard ${shard + 1} of ${shards}: every HTTP route answers bad input with a 4xx and a message, never a 5xx`, () => {
    const t = useTestServer(process.env.FUZZ_DATABASE === 'pglite' ? 'pglite' : 'postgres');
    const real: Record<string, string> = {};
    const auth: Record<string, Record<string, string>> = {};
    beforeAll(async () => {
      const { server } = t.current;
      const { bot, admin, agent } = await seedEchoBot(server.db);
      const [visitor] = await startVisitors(server.url, bot.id, 1);
      const flow = await server.db
        .selectFrom('flows')
        .select('id')
        .where('bot_id', '=', bot.id)
        .executeTakeFirstOrThrow();
      Object.assign(real, { botId: bot.id, id: visitor!.conversationId, flowId: flow.id, userId: agent.id });
      auth.admin = await loginHeaders(server.url, admin.email);
      auth.agent = await loginHeaders(server.url, agent.email);
      auth.visitor = { authorization: `Bearer ${visitor!.token}` };
      auth.forged = { authorization: 'Bearer forged', cookie: 'flowdesk_session=forged', 'x-requested-with': 'fetch' };
      auth.none = {};
    });
    const tallies: Tally[] = [];
    afterAll(() => {
      const total = tallies.reduce((sum, tally) => sum + tally.tried, 0);
      console.log(
        `fuzz figures: ${tallies.length} routes, ${total} requests, 5xx ${tallies.reduce((s, t) => s + t.server, 0)}, ` +
          `4xx without message ${tallies.reduce((s, t) => s + t.unclear.length, 0)}\n` +
          tallies
            .map((t) => `${t.route}: ${t.tried} tried, ${t.client} 4xx, ${t.ok} 2xx/3xx, ${t.server} 5xx, ${t.ms} ms`)
            .join('\n'),
      );
    });

    it('covers its share of the routes the app registers', async () => {
      const { server } = t.current;
      const routes = [
        ...new Map(
          server.app.routes
            .filter((route) => route.method !== 'ALL')
            .map((route) => [`${route.method} ${route.path}`, route]),
        ).values(),
      ].filter((route) => !SKIP.has(`${route.method} ${route.path}`));
      expect(routes.length).toBeGreaterThan(40);

      for (const [index, route] of routes.entries()) {
        if (index % shards !== shard) continue;
        const label = `${route.method} ${route.path}`;
        const cases = fc.sample(
          fc.record({
            params: fc.array(fc.oneof(badSegment, fc.constant('REAL')), { minLength: 4, maxLength: 4 }),
            tail: fc.array(badSegment, { maxLength: 4 }),
            query: badQuery,
            body: badBody,
            type: contentType,
            who: credential,
          }),
          { numRuns: CASES_PER_ROUTE, seed: 1000 + index },
        );
        const tally: Tally = { route: label, tried: 0, ok: 0, client: 0, server: 0, unclear: [], ms: 0 };
        const started = performance.now();
        await inParallel(cases, 12, async (input) => {
          let slot = 0;
          const path = route.path
            .replace(/:(\w+)/g, (_, name: string) => {
              const segment = input.params[slot++ % 4]!;
              if (segment !== 'REAL') return segment;
              return (
                real[
                  name === 'botId'
                    ? 'botId'
                    : name === 'id' && route.path.includes('/flows')
                      ? 'flowId'
                      : name === 'id' && route.path.includes('/users')
                        ? 'userId'
                        : 'id'
                ] ?? 'x'
              );
            })
            .replace('*', input.tail.join('/'));
          // Logging out the shared sessions would turn the rest into plain 401s.
          const who =
            route.path === '/api/auth/logout' && (input.who === 'admin' || input.who === 'agent')
              ? 'forged'
              : input.who;
          const headers: Record<string, string> = { ...auth[who] };
          if (input.type) headers['content-type'] = input.type;
          const hasBody = route.method !== 'GET' && route.method !== 'HEAD';
          const response = await server.app.request(`${path}${input.query ? `?${input.query}` : ''}`, {
            method: route.method,
            headers,
            body: hasBody ? input.body : undefined,
          });
          const text = await response.text();
          tally.tried++;
          if (response.status >= 500) {
            tally.server++;
            if (tally.server <= 3)
              console.error(
                `5xx on ${label}`,
                response.status,
                text.slice(0, 300),
                JSON.stringify(input).slice(0, 500),
              );
          } else if (response.status >= 400) {
            tally.client++;
            // API routes answer JSON errors; pages people open from a link (unsubscribe) answer an HTML page.
            const html = response.headers.get('content-type')?.includes('text/html') && /<p>[^<]+/.test(text);
            const message = html
              ? 'html page'
              : (() => {
                  try {
                    return (JSON.parse(text) as { error?: { message?: string } }).error?.message;
                  } catch {
                    return undefined;
                  }
                })();
            if (!message) tally.unclear.push(`${response.status} ${text.slice(0, 100)}`);
          } else tally.ok++;
        });
        tally.ms = Math.round(performance.now() - started);
        tallies.push(tally);
      }
      expect(tallies.filter((tally) => tally.server > 0).map((tally) => `${tally.route}: ${tally.server}`)).toEqual([]);
      expect(tallies.flatMap((tally) => tally.unclear.slice(0, 2).map((u) => `${tally.route}: ${u}`))).toEqual([]);
      expect(tallies.every((tally) => tally.tried === CASES_PER_ROUTE)).toBe(true);
      // The server is still healthy afterwards.
      expect((await server.app.request('/readyz')).status).toBe(200);
    }, 400_000);
  });
}
