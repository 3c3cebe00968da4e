import { HttpRequestData } from '@flowdesk/flow-schema';
import { describe, expect, test } from 'vitest';
import { buildHttpRequest, isHttpSuccess, mapHttpResponse } from './http-request';

const data = HttpRequestData.parse({
  url: ' https://api.example/users/{{id}} ',
  headers: [{ name: 'Authorization', value: 'Bearer {{token}}' }],
  responseMapping: [
    { path: 'user.name', variable: 'name' },
    { path: '$.user.tags.1', variable: 'tag' },
    { path: 'user.__proto__', variable: 'proto' },
    { path: 'missing.deep', variable: 'gone' },
  ],
});

describe('http request block helpers', () => {
  test('builds the request with interpolated url and headers, default GET and timeout', () => {
    expect(buildHttpRequest(data, { id: 7, token: 't0k' })).toEqual({
      method: 'GET',
      url: 'https://api.example/users/7',
      headers: { Authorization: 'Bearer t0k' },
      body: undefined,
      timeoutMs: 10_000,
    });
  });

  test('maps JSON (object or text) into variables, missing paths become null', () => {
    const body = { user: { name: 'Ada', tags: ['a', 'b'] } };
    for (const sent of [body, JSON.stringify(body)]) {
      expect(mapHttpResponse(data, { status: 200, body: sent }, { keep: 1 })).toEqual({
        keep: 1,
        name: 'Ada',
        tag: 'b',
        proto: null,
        gone: null,
      });
    }
  });

  test('success means a 2xx status', () => {
    expect([200, 204, 299, 300, 404, 500].map((status) => isHttpSuccess({ status, body: null }))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(isHttpSuccess(undefined)).toBe(false);
    expect(isHttpSuccess({ status: '200' })).toBe(false);
  });
});
