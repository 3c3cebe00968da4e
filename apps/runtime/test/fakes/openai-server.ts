import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback server speaking the OpenAI chat-completions API, so the real LangChain/OpenAI SDK code runs in tests.
 * Answers come from a queue of replies, then a handler, then a schema-driven default.
 */

export type ChatMessage = { role: string; content?: unknown; tool_calls?: WireToolCall[]; tool_call_id?: string };
export type WireToolCall = { id: string; type: 'function'; function: { name: string; arguments: string } };
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  required?: string[];
};
export type ChatCompletionRequest = {
  model: string;
  messages: ChatMessage[];
  response_format?: { type: string; json_schema?: { name: string; schema: JsonSchema; strict?: boolean } };
  tools?: Array<{ type: 'function'; function: { name: string; description?: string; parameters?: JsonSchema } }>;
  tool_choice?: unknown;
  [key: string]: unknown;
};
export type RecordedRequest = { path: string; headers: IncomingHttpHeaders; body: ChatCompletionRequest };

export type FakeReply =
  | { content: string }
  | { json: unknown }
  | { toolCalls: Array<{ name: string; args: unknown }> }
  | { status: number; body?: unknown }
  | { hang: true }
  | { delayMs: number; reply: FakeReply };

export type FakeHandler = (req: ChatCompletionRequest) => FakeReply | Promise<FakeReply>;

export type FakeOpenAiServer = {
  /** Base URL to hand to the SDK, ending in `/v1`. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Replies used one per request, in order, before the handler. */
  enqueue(...replies: FakeReply[]): void;
  setHandler(handler: FakeHandler | null): void;
  close(): Promise<void>;
};

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

let completionCounter = 0;

function completionBody(
  req: ChatCompletionRequest,
  reply: { content: string } | { toolCalls: Array<{ name: string; args: unknown }> },
) {
  completionCounter += 1;
  const toolCalls =
    'toolCalls' in reply
      ? reply.toolCalls.map((call, i) => ({
          id: `call_${completionCounter}_${i}`,
          type: 'function' as const,
          function: { name: call.name, arguments: JSON.stringify(call.args) },
        }))
      : undefined;
  return {
    id: `chatcmpl-fake-${completionCounter}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: req.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: 'content' in reply ? reply.content : null,
          tool_calls: toolCalls,
          refusal: null,
        },
        finish_reason: toolCalls ? 'tool_calls' : 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function respond(res: ServerResponse, req: ChatCompletionRequest, reply: FakeReply): Promise<void> {
  if ('hang' in reply) return; // never answer; close() tears the socket down
  if ('delayMs' in reply) {
    await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    return respond(res, req, reply.reply);
  }
  if ('status' in reply) {
    sendJson(res, reply.status, reply.body ?? { error: { message: 'fake failure', type: 'server_error', code: null } });
    return;
  }
  const wire = 'json' in reply ? { content: JSON.stringify(reply.json) } : reply;
  sendJson(res, 200, completionBody(req, wire));
}

export async function startFakeOpenAiServer(options: { handler?: FakeHandler } = {}): Promise<FakeOpenAiServer> {
  const queue: FakeReply[] = [];
  let handler: FakeHandler | null = options.handler ?? null;
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const path = (req.url ?? '').split('?')[0] ?? '';
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
        requests.push({ path, headers: req.headers, body });
        try {
          const reply = queue.shift() ?? (handler ? await handler(body) : defaultReply(body));
          await respond(res, body, reply);
        } catch (error) {
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
    enqueue: (...replies) => queue.push(...replies),
    setHandler: (h) => {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
