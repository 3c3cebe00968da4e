import {
  getPath,
  type HttpRequestData,
  interpolate,
  setPath,
  toVariableValue,
  type Variables,
} from '@flowdesk/flow-schema';
import type { HttpEffectRequest, HttpEffectResult } from './effects';

export function buildHttpRequest(data: HttpRequestData, variables: Variables): HttpEffectRequest {
  const headers: Record<string, string> = {};
  for (const h of data.headers) headers[h.name] = interpolate(h.value, variables);
  return {
    method: data.method,
    url: interpolate(data.url, variables).trim(),
    headers,
    body: data.body === undefined ? undefined : interpolate(data.body, variables),
    timeoutMs: data.timeoutMs,
  };
}

export function isHttpSuccess(result: unknown): result is HttpEffectResult {
  const status = (result as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 200 && status < 300;
}

/** Saves the mapped parts of a JSON (or text) response into variables. */
export function mapHttpResponse(data: HttpRequestData, result: HttpEffectResult, variables: Variables): Variables {
  let body = result.body;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      // Not JSON: only the whole body ('' path) can be mapped.
    }
  }
  let out = variables;
  for (const { path, variable } of data.responseMapping) {
    out = setPath(out, variable, toVariableValue(getPath(body, path.replace(/^\$\.?/, ''))));
  }
  return out;
}
