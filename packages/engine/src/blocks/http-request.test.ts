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

  test('visitor text cannot reshape the URL, break a JSON body or split a header', () => {
    const vars = { q: 'a b/c?d=1&e', base: 'https://api.example/v2', name: 'Ada "the" \\ coder', h: 'x\r\nEvil: 1' };
    const url = (template: string) => buildHttpRequest(HttpRequestData.parse({ url: template }), vars).url;
    expect(url('https://api.example/search?q={{q}}')).toBe('https://api.example/search?q=a%20b%2Fc%3Fd%3D1%26e');
    expect(url('https://{{host}}.example/x')).toBe('https://.example/x');
    expect(url('{{base}}/items/{{q}}')).toBe('https://api.example/v2/items/a%20b%2Fc%3Fd%3D1%26e');
    const request = buildHttpRequest(
      HttpRequestData.parse({
        url: 'https://api.example',
        method: 'POST',
        body: '{"name": "{{name}}"}',
        headers: [{ name: 'X-Note', value: '{{h}}' }],
      }),
      vars,
    );
    expect(JSON.parse(request.body ?? '')).toEqual({ name: vars.name });
    expect(request.headers['X-Note']).toBe('x  Evil: 1');
    expect(buildHttpRequest(HttpRequestData.parse({ url: 'https://x', body: 'plain {{name}}' }), vars).body).toBe(
      `plain ${vars.name}`,
    );
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
