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
