import type { AIMessageChunk } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type FakeOpenAiServer, requestText, sampleFromSchema, startFakeOpenAiServer } from './openai-server';

let fake: FakeOpenAiServer;
afterEach(async () => {
  await fake?.close();
});

function model() {
  return new ChatOpenAI({
    model: 'gpt-4o-mini',
    apiKey: 'sk-test',
    configuration: { baseURL: fake.baseUrl },
    maxRetries: 0,
  });
}

async function post(body: unknown) {
  return fetch(`${fake.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('fake OpenAI server', () => {
  it('answers LangChain text calls from the queue and records the request', async () => {
    fake = await startFakeOpenAiServer();
    fake.enqueue({ content: 'Hello from the fake' });
    const result = await model().invoke('Say hi');
    expect(result.content).toBe('Hello from the fake');
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.headers.authorization).toBe('Bearer sk-test');
    expect(requestText(fake.requests[0]!.body)).toContain('Say hi');
  });

  it('serves structured output through response_format json_schema with a schema-driven default', async () => {
    fake = await startFakeOpenAiServer();
    const schema = z.object({ mood: z.enum(['calm', 'angry']), score: z.number(), note: z.string() });
    const result = await model().withStructuredOutput(schema, { method: 'jsonSchema' }).invoke('Rate it');
    expect(result).toEqual({ mood: 'calm', score: 0.9, note: 'fake note' });
    expect(fake.requests[0]!.body.response_format?.type).toBe('json_schema');
  });

  it('returns tool calls that LangChain parses', async () => {
    fake = await startFakeOpenAiServer({ handler: () => ({ toolCalls: [{ name: 'lookup', args: { id: 'A1' } }] }) });
    const tool = {
      type: 'function' as const,
      function: {
        name: 'lookup',
        description: 'Look up',
        parameters: { type: 'object', properties: { id: { type: 'string' } } },
      },
    };
    const result = await model().bindTools([tool]).invoke('find A1');
    expect(result.tool_calls).toEqual([expect.objectContaining({ name: 'lookup', args: { id: 'A1' } })]);
    expect(fake.requests[0]!.body.tools?.[0]?.function.name).toBe('lookup');
  });

  it('injects HTTP errors that the SDK surfaces', async () => {
    fake = await startFakeOpenAiServer();
    fake.enqueue({ status: 500 });
    await expect(model().invoke('fail')).rejects.toThrow();
    const second = await post({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(second.status).toBe(200);
  });

  it('delays and hangs until the client gives up; close() ends hung sockets', async () => {
    fake = await startFakeOpenAiServer();
    fake.enqueue({ delayMs: 50, reply: { content: 'late' } }, { hang: true });
    const started = Date.now();
    expect((await model().invoke('slow')).content).toBe('late');
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    const hung = post({ model: 'm', messages: [] });
    const outcome = await Promise.race([
      hung.then(() => 'answered'),
      new Promise((r) => setTimeout(() => r('pending'), 150)),
    ]);
    expect(outcome).toBe('pending');
    await fake.close();
    await expect(hung).rejects.toThrow();
  });

  it('rejects unknown routes and bad JSON with 4xx', async () => {
    fake = await startFakeOpenAiServer();
    expect((await fetch(`${fake.baseUrl}/models`)).status).toBe(404);
    const bad = await fetch(`${fake.baseUrl}/chat/completions`, { method: 'POST', body: '{nope' });
    expect(bad.status).toBe(400);
  });

  it('samples nested schemas', () => {
    const value = sampleFromSchema({
      type: 'object',
      properties: {
        tags: { type: 'array', items: { type: 'string' } },
        ok: { type: 'boolean' },
        n: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
      },
    });
    expect(value).toEqual({ tags: ['fake tags'], ok: true, n: 0.9 });
  });
});

describe('fake OpenAI server, stream: true', () => {
  it('streams word chunks over SSE at the configured pace and records when each was written', async () => {
    fake = await startFakeOpenAiServer({ streaming: { firstChunkDelayMs: 60, chunkDelayMs: 25 } });
    fake.enqueue({ content: 'Refunds take five days.' });
    const received: Array<{ text: string; at: number }> = [];
    for await (const chunk of await model().stream('When?')) {
      if (chunk.text) received.push({ text: chunk.text, at: performance.now() });
    }
    const [request] = fake.requests;
    expect(request!.body.stream).toBe(true);
    expect(request!.chunks.map((c) => c.text)).toEqual(['Refunds', ' take', ' five', ' days.']);
    expect(received.map((c) => c.text)).toEqual(['Refunds', ' take', ' five', ' days.']);
    const sent = request!.chunks.map((c) => c.at);
    expect(sent[0]! - request!.receivedAt).toBeGreaterThanOrEqual(55);
    for (let i = 1; i < sent.length; i++) expect(sent[i]! - sent[i - 1]!).toBeGreaterThanOrEqual(20);
    // Really streamed: the client had the first chunk before the server wrote the last one.
    expect(received[0]!.at).toBeLessThan(sent.at(-1)!);
    for (const [i, chunk] of request!.chunks.entries()) {
      expect(received[i]!.at).toBeGreaterThanOrEqual(chunk.at);
      expect(Math.abs(chunk.epochMs - (performance.timeOrigin + chunk.at))).toBeLessThan(1);
    }
  });

  it('writes chat.completion.chunk events, a usage event when asked, then [DONE]', async () => {
    fake = await startFakeOpenAiServer();
    fake.enqueue({ chunks: ['A', 'B'] });
    const response = await post({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = (await response.text()).split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.replace(/^data: /, '')));
    expect(chunks.every((c) => c.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks.map((c) => c.choices[0]?.delta?.content ?? null)).toEqual(['A', 'B', null, null]);
    expect(chunks[2].choices[0].finish_reason).toBe('stop');
    expect(chunks[3]).toMatchObject({ choices: [], usage: { completion_tokens: 2 } });
  });

  it('per-reply timing overrides the server pace, and breakAfter cuts the stream mid-way', async () => {
    // At the server's pace the second chunk would come after ten minutes, past the test's time: it came, so the
    // reply's own pace was used (no bound on how fast).
    fake = await startFakeOpenAiServer({ streaming: { chunkDelayMs: 600_000 } });
    fake.enqueue({ chunks: ['one', ' two', ' three'], timing: { chunkDelayMs: 5 }, breakAfter: 2 });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of await model().stream('x')) seen.push(chunk.text);
      })(),
    ).rejects.toThrow();
    expect(seen.filter(Boolean)).toEqual(['one', ' two']);
    expect(fake.requests[0]!.chunks.map((c) => c.text)).toEqual(['one', ' two']);
  });

  it('streams tool calls and JSON replies that LangChain assembles', async () => {
    fake = await startFakeOpenAiServer();
    fake.enqueue({ toolCalls: [{ name: 'lookup', args: { id: 'A1' } }] }, { json: { ok: true } });
    const tool = { type: 'function' as const, function: { name: 'lookup', parameters: { type: 'object' } } };
    let message: AIMessageChunk | undefined;
    for await (const chunk of await model().bindTools([tool]).stream('find')) {
      message = message ? message.concat(chunk) : chunk;
    }
    expect(message?.tool_calls).toEqual([expect.objectContaining({ name: 'lookup', args: { id: 'A1' } })]);
    let text = '';
    for await (const chunk of await model().stream('json')) text += chunk.text;
    expect(JSON.parse(text)).toEqual({ ok: true });
    expect(fake.requests.map((r) => r.chunks.length)).toEqual([0, 1]);
  });

  it('keeps non-streaming requests unchanged and records no chunks', async () => {
    // Paced like a stream, the answer would wait ten minutes, past the test's time: it came, so it was not.
    fake = await startFakeOpenAiServer({ streaming: { firstChunkDelayMs: 600_000 } });
    fake.enqueue({ chunks: ['joined', ' text'] });
    expect((await model().invoke('x')).content).toBe('joined text');
    expect(fake.requests[0]!.body.stream).toBe(false);
    expect(fake.requests[0]!.chunks).toEqual([]);
  });
});
