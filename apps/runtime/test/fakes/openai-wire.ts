import type { ServerResponse } from 'node:http';
import type { ChatCompletionRequest, FakeReply, RecordedRequest, StreamTiming, WireToolCall } from './openai-types';

/** How the fake OpenAI server writes a reply: a JSON completion, or server-sent chunks paced by a StreamTiming. */

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

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
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

export async function respond(res: ServerResponse, recorded: RecordedRequest, reply: FakeReply, timing: StreamTiming) {
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
