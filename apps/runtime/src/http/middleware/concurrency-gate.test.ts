import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { concurrencyGate } from './concurrency-gate';

/** A deferred: a promise and the function that settles it. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('concurrencyGate', () => {
  it('runs at most `limit` at once, the others in arrival order; requests it does not apply to pass by', async () => {
    const app = new Hono();
    const started: string[] = [];
    const gates = new Map<string, ReturnType<typeof deferred>>();
    app.use(concurrencyGate(2, ({ method }) => method === 'POST'));
    app.all('/:name', async (c) => {
      const name = c.req.param('name');
      started.push(name);
      const gate = deferred();
      gates.set(name, gate);
      if (c.req.method === 'POST') await gate.promise;
      return c.text(name);
    });
    const send = (name: string, method = 'POST') => app.request(`/${name}`, { method });
    const a = send('a');
    const b = send('b');
    const c = send('c');
    const d = send('d');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(started).toEqual(['a', 'b']);
    // A GET is not gated: it runs while two POSTs hold the gate.
    expect(await (await send('probe', 'GET')).text()).toBe('probe');
    gates.get('b')!.resolve();
    expect(await (await b).text()).toBe('b');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(started).toEqual(['a', 'b', 'probe', 'c']);
    gates.get('a')!.resolve();
    gates.get('c')!.resolve();
    await Promise.all([a, c]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    gates.get('d')!.resolve();
    expect(await (await d).text()).toBe('d');
    expect(started).toEqual(['a', 'b', 'probe', 'c', 'd']);
  });

  it('frees its place when a request fails', async () => {
    const app = new Hono();
    app.use(concurrencyGate(1));
    app.get('/fail', () => {
      throw new Error('boom');
    });
    app.get('/ok', (c) => c.text('ok'));
    app.onError((_, c) => c.text('failed', 500));
    expect((await app.request('/fail')).status).toBe(500);
    expect(await (await app.request('/ok')).text()).toBe('ok');
  });
});
