import type { IncomingHttpHeaders } from 'node:http';
import type { FakeEmbeddings } from './fake-embeddings';

/** The OpenAI chat-completions wire shapes and the fake server's reply scripts (openai-server.ts). */

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
