import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerEmbeddings, createFakeEmbeddings, type FakeEmbeddings } from './fake-embeddings';

/**
 * A loopback server speaking the OpenAI chat-completions API, so the real LangChain/OpenAI SDK code runs in tests.
 * Answers come from a queue of replies, then a handler, then a schema-driven default. Requests with `stream: true`
 * get server-sent events (`data: {chat.completion.chunk}` lines, then `data: [DONE]`), paced by a StreamTiming,
 * and every content chunk is recorded with the time it was written.
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
/** One streamed content chunk as written to the socket. */
export type SentChunk = {
  index: number;
  text: string;
  /** performance.now() right after the write: compare with performance.now() in this process. */
  at: number;
  /** The same instant in epoch milliseconds (fractional): compare across processes on one machine. */
  epochMs: number;
};
export type RecordedRequest = {
  path: string;
  headers: IncomingHttpHeaders;
  body: ChatCompletionRequest;
  /** performance.now() when the body had been read. */
  receivedAt: number;
  /** Content chunks written for a `stream: true` request, in order; empty otherwise. */
  chunks: SentChunk[];
};
/** Pacing of streamed replies: the wait before the first content chunk, then between chunks. */
export type StreamTiming = { firstChunkDelayMs?: number; chunkDelayMs?: number };

export type FakeReply =
  | { content: string }
  | { json: unknown }
  | { toolCalls: Array<{ name: string; args: unknown }> }
  | { status: number; body?: unknown }
  | { hang: true }
  | { delayMs: number; reply: FakeReply }
  /**
   * Exactly these content pieces (joined for a non-streaming request). `timing` overrides the server's;
   * `breakAfter` destroys the connection after that many chunks, mid-stream; `before(index)` is awaited before
   * chunk `index` is written (a test can hold a chunk until the client has shown the one before).
   */
  | { chunks: string[]; timing?: StreamTiming; breakAfter?: number; before?: (index: number) => Promise<void> };

export type FakeHandler = (req: ChatCompletionRequest) => FakeReply | Promise<FakeReply>;

export type FakeOpenAiServer = {
  /** Base URL to hand to the SDK, ending in `/v1`. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** POST /v1/embeddings: deterministic vectors (fake-embeddings.ts); its requests are not in `requests`. */
  embeddings: FakeEmbeddings;
  /** Replies used one per request, in order, before the handler. */
  enqueue(...replies: FakeReply[]): void;
  setHandler(handler: FakeHandler | null): void;
  /** Pacing for streamed replies from now on (the `streaming` start option sets the first one). */
  setStreaming(timing: StreamTiming): void;
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

type ToolCalls = Array<{ name: string; args: unknown }>;

function wireToolCalls(calls: ToolCalls): WireToolCall[] {
  return calls.map((call, i) => ({
    id: `call_${completionCounter}_${i}`,
    type: 'function' as const,
    function: { name: call.name, arguments: JSON.stringify(call.args) },
  }));
}

function completionBody(req: ChatCompletionRequest, reply: { content: string } | { toolCalls: ToolCalls }) {
  completionCounter += 1;
  const toolCalls = 'toolCalls' in reply ? wireToolCalls(reply.toolCalls) : undefined;
  const message = { role: 'assistant', content: 'content' in reply ? reply.content : null, tool_calls: toolCalls };
  return {
    id: `chatcmpl-fake-${completionCounter}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: req.model,
    choices: [
      {
        index: 0,
        message: { ...message, refusal: null },
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

/** Text split the way models stream it: each word with the whitespace before it. */
export function splitTokens(text: string): string[] {
  return text.match(/\s*\S+|\s+$/g) ?? [];
}

/** No timer at all for 0 ms, so an unpaced stream adds no latency of its own. */
const sleep = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

type ChunksReply = Extract<FakeReply, { chunks: string[] }>;
type StreamPlan = { pieces: string[]; toolCalls?: ToolCalls; timing: StreamTiming } & Pick<
  ChunksReply,
  'breakAfter' | 'before'
>;
type Streamable = Exclude<FakeReply, { hang: true } | { delayMs: number } | { status: number }>;

function streamPlan(reply: Streamable, timing: StreamTiming): StreamPlan {
  if ('chunks' in reply)
    return {
      pieces: reply.chunks,
      timing: { ...timing, ...reply.timing },
      breakAfter: reply.breakAfter,
      before: reply.before,
    };
  if ('toolCalls' in reply) return { pieces: [], toolCalls: reply.toolCalls, timing };
  return { pieces: splitTokens('json' in reply ? JSON.stringify(reply.json) : reply.content), timing };
}

/** Writes a reply as server-sent chat.completion.chunk events, recording when each content chunk went out. */
async function stream(res: ServerResponse, recorded: RecordedRequest, plan: StreamPlan): Promise<void> {
  const req = recorded.body;
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
  completionCounter += 1;
  const id = `chatcmpl-fake-${completionCounter}`;
  const send = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}) =>
    res.write(
      `data: ${JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created: Math.floor(Date.now() / 1000),
        model: req.model,
        choices: finish === 'usage' ? [] : [{ index: 0, delta, finish_reason: finish, logprobs: null }],
        ...extra,
      })}\n\n`,
    );
  const { firstChunkDelayMs = 0, chunkDelayMs = 0 } = plan.timing;
  await sleep(firstChunkDelayMs);
  for (const [index, text] of plan.pieces.entries()) {
    if (index > 0) await sleep(chunkDelayMs);
    await plan.before?.(index);
    if (closed) return;
    if (plan.breakAfter !== undefined && index >= plan.breakAfter) break;
    send(index === 0 ? { role: 'assistant', content: text } : { content: text }, null);
    const at = performance.now();
    recorded.chunks.push({ index, text, at, epochMs: performance.timeOrigin + at });
  }
  if (closed) return;
  if (plan.breakAfter !== undefined) {
    // What was written is flushed first (ending the socket with writes still queued lost them on Node 24, so the
    // client saw no text at all), then the connection ends mid-response.
    await new Promise<void>((resolve) => res.write('', () => resolve()));
    if (!closed) res.socket?.end();
    return;
  }
  const calls = plan.toolCalls && wireToolCalls(plan.toolCalls).map((call, index) => ({ index, ...call }));
  if (calls) send({ role: 'assistant', content: null, tool_calls: calls }, null);
  else if (plan.pieces.length === 0) send({ role: 'assistant', content: '' }, null);
  send({}, calls ? 'tool_calls' : 'stop');
  const streamOptions = req.stream_options as { include_usage?: boolean } | undefined;
  if (streamOptions?.include_usage) {
    send({}, 'usage', { usage: { prompt_tokens: 10, completion_tokens: plan.pieces.length, total_tokens: 10 } });
  }
  res.end('data: [DONE]\n\n');
}

async function respond(res: ServerResponse, recorded: RecordedRequest, reply: FakeReply, timing: StreamTiming) {
  const req = recorded.body;
  if ('hang' in reply) return; // never answer; close() tears the socket down
  if ('delayMs' in reply) {
    await sleep(reply.delayMs);
    if (res.destroyed) return;
    return respond(res, recorded, reply.reply, timing);
  }
  if ('status' in reply) {
    sendJson(res, reply.status, reply.body ?? { error: { message: 'fake failure', type: 'server_error', code: null } });
    return;
  }
  if (req.stream === true) return stream(res, recorded, streamPlan(reply, timing));
  if ('toolCalls' in reply) return sendJson(res, 200, completionBody(req, reply));
  const content =
    'json' in reply ? JSON.stringify(reply.json) : 'chunks' in reply ? reply.chunks.join('') : reply.content;
  sendJson(res, 200, completionBody(req, { content }));
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
