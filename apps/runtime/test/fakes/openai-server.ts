import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerEmbeddings, createFakeEmbeddings } from './fake-embeddings';
import type {
  ChatCompletionRequest,
  FakeHandler,
  FakeOpenAiServer,
  FakeReply,
  JsonSchema,
  RecordedRequest,
  StreamTiming,
} from './openai-types';
import { respond, sendJson } from './openai-wire';

/**
 * A loopback server speaking the OpenAI chat-completions API, so the real LangChain/OpenAI SDK code runs in tests.
 * Answers come from a queue of replies, then a handler, then a schema-driven default. Requests with `stream: true`
 * get server-sent events (`data: {chat.completion.chunk}` lines, then `data: [DONE]`), paced by a StreamTiming,
 * and every content chunk is recorded with the time it was written.
 */

export type * from './openai-types';
export { splitTokens } from './openai-wire';

/** Text of every message of a request, joined: handy for handlers that branch on the prompt. */
export function requestText(req: ChatCompletionRequest): string {
  return req.messages
    .map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content ?? '')))
    .join('\n');
}

/** A value that satisfies a JSON schema: first enum value, placeholder strings, 0.9 for numbers. */
export function sampleFromSchema(schema: JsonSchema, key = 'value'): unknown {
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (schema.anyOf && schema.anyOf.length > 0) return sampleFromSchema(schema.anyOf[0]!, key);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, prop]) => [name, sampleFromSchema(prop, name)]),
      );
    case 'array':
      return schema.items ? [sampleFromSchema(schema.items, key)] : [];
    case 'number':
    case 'integer':
      return 0.9;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return `fake ${key}`;
  }
}

function defaultReply(req: ChatCompletionRequest): FakeReply {
  const schema = req.response_format?.json_schema?.schema;
  if (schema) return { json: sampleFromSchema(schema) };
  return { content: 'Fake assistant reply.' };
}

export async function startFakeOpenAiServer(
  options: { handler?: FakeHandler; streaming?: StreamTiming } = {},
): Promise<FakeOpenAiServer> {
  const queue: FakeReply[] = [];
  let handler: FakeHandler | null = options.handler ?? null;
  let timing: StreamTiming = options.streaming ?? {};
  const requests: RecordedRequest[] = [];
  const embeddings = createFakeEmbeddings();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (req.method === 'POST' && path.endsWith('/embeddings')) {
          const raw = Buffer.concat(chunks).toString('utf8');
          return answerEmbeddings(embeddings, raw, (status, reply) => sendJson(res, status, reply));
        }
        if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
          sendJson(res, 404, { error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' } });
          return;
        }
        let body: ChatCompletionRequest;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatCompletionRequest;
        } catch {
          sendJson(res, 400, { error: { message: 'invalid JSON body', type: 'invalid_request_error' } });
          return;
        }
        const recorded: RecordedRequest = {
          path,
          headers: req.headers,
          body,
          receivedAt: performance.now(),
          chunks: [],
        };
        requests.push(recorded);
        try {
          const reply = queue.shift() ?? (handler ? await handler(body) : defaultReply(body));
          await respond(res, recorded, reply, timing);
        } catch (error) {
          if (res.headersSent) return void res.destroy();
          sendJson(res, 500, { error: { message: String(error), type: 'server_error' } });
        }
      })();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    embeddings,
    enqueue: (...replies) => queue.push(...replies),
    setHandler: (h) => {
      handler = h;
    },
    setStreaming: (t) => {
      timing = t;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
