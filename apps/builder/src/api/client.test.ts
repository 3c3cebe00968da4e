import { NoContent, ReopenResponse } from '@flowdesk/contract';
import { describe, expect, test } from 'vitest';
import { ApiError, createApiClient } from './client';
import { testServer } from './test-server';

const server = testServer((req, res) => {
  if (req.url === '/echo') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.body);
  } else if (req.url === '/empty') {
    res.writeHead(204);
    res.end();
  } else if (req.url === '/bad') {
    res.writeHead(422, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'invalid_flow', message: 'The flow has 2 errors.', details: [1, 2] } }));
  } else if (req.url === '/auth') {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'unauthorized', message: 'Please log in.' } }));
  } else {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('boom');
  }
});

describe('api client', () => {
  test('sends JSON with the CSRF header and returns the parsed body', async () => {
    const client = createApiClient({ baseUrl: server.url });
    const result = await client.post('/echo', ReopenResponse, { status: 'agent', assigneeId: 'u1' });
    expect(result).toEqual({ status: 'agent', assigneeId: 'u1' });
    const last = server.seen.at(-1)!;
    expect(last.method).toBe('POST');
    expect(last.headers['x-requested-with']).toBe('flowdesk');
    expect(last.headers['content-type']).toBe('application/json');
  });

  test('an empty response resolves to undefined', async () => {
    await expect(createApiClient({ baseUrl: server.url }).delete('/empty', NoContent)).resolves.toBeUndefined();
  });

  test("keeps the runtime's error code, message and details", async () => {
    const error = await createApiClient({ baseUrl: server.url })
      .put('/bad', NoContent, {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      code: 'invalid_flow',
      message: 'The flow has 2 errors.',
      details: [1, 2],
    });
  });

  test('a non-JSON failure still gives a readable message', async () => {
    const error = (await createApiClient({ baseUrl: server.url })
      .get('/crash', NoContent)
      .catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(500);
    expect(error.message).toContain('GET /crash failed with status 500');
  });

  test('401 calls onUnauthorized', async () => {
    let calls = 0;
    const client = createApiClient({ baseUrl: server.url, onUnauthorized: () => calls++ });
    await expect(client.get('/auth', NoContent)).rejects.toThrow('Please log in.');
    expect(calls).toBe(1);
  });

  test('an unreachable server becomes a network_error', async () => {
    const client = createApiClient({ baseUrl: 'http://127.0.0.1:1' });
    await expect(client.get('/x', NoContent)).rejects.toMatchObject({ code: 'network_error', status: 0 });
  });

  test('an answer that does not match its schema is an invalid_response naming the call and the field', async () => {
    const client = createApiClient({ baseUrl: server.url });
    const answer = { status: 'open', assigneeId: null };
    const error = (await client.post('/echo', ReopenResponse, answer).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain('POST /echo');
    expect(error.message).toContain('status');
  });

  test('a matching answer comes back as sent, fields outside the schema kept', async () => {
    const client = createApiClient({ baseUrl: server.url });
    const result = await client.post('/echo', ReopenResponse, { status: 'resolved', assigneeId: null, note: 'x' });
    expect(result).toEqual({ status: 'resolved', assigneeId: null, note: 'x' });
  });
});
