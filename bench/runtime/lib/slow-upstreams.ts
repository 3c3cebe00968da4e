import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../../../apps/runtime/test/fakes/openai-server';

/** A loopback JSON API that answers every request after exactly `delayMs`: `{ echo: <q> }` for `/x?q=<q>`. */
export interface SlowApi {
  url: string;
  /** Epoch ms (fractional) each request arrived, by its `q`. */
  arrivals: Map<string, number>;
  /** Epoch ms each answer was written, by its `q`. */
  replies: Map<string, number>;
  close(): Promise<void>;
}

export async function startSlowApi(delayMs: number): Promise<SlowApi> {
  const arrivals = new Map<string, number>();
  const replies = new Map<string, number>();
  const server = createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams.get('q') ?? '';
    arrivals.set(q, performance.timeOrigin + performance.now());
    req.resume();
    setTimeout(() => {
      if (res.destroyed) return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ echo: q }));
      replies.set(q, performance.timeOrigin + performance.now());
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrivals,
    replies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The question of an answer request: the visitor's text after `Question:` in the last message. */
export function questionOf(body: { messages: Array<{ content?: unknown }> }): string | undefined {
  const last = body.messages.at(-1)?.content;
  const text = typeof last === 'string' ? last : JSON.stringify(last ?? '');
  return /Question:\s*(\S+)\s*$/.exec(text)?.[1];
}

/**
 * The fake OpenAI server streaming every answer as `chunks` pieces, the first after `firstChunkDelayMs`,
 * then one every `chunkDelayMs` (10 × 100 ms: the answer takes ≈ 1 s, like a short model reply). Each
 * answer ends with the question, so the widget can tell its answer from the others.
 */
export function startStreamingModel(timing = { firstChunkDelayMs: 100, chunkDelayMs: 100 }): Promise<FakeOpenAiServer> {
  return startFakeOpenAiServer({
    streaming: timing,
    handler: (request) => {
      const question = questionOf(request) ?? 'unknown';
      const chunks = ['Our', ' shop', ' opens', ' at', ' nine', ' every', ' day', ' —', ' about', ` ${question}.`];
      return { chunks };
    },
  });
}
