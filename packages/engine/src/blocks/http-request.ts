import {
  getPath,
  type HttpRequestData,
  interpolate,
  setPath,
  toVariableValue,
  type Variables,
} from '@flowdesk/flow-schema';
import type { HttpEffectRequest, HttpEffectResult } from '../effects';
import type { FlowIndex } from '../machine/flow-index';
import { assignWith, type BlockParams, type Guard, outputOf } from '../machine/implement';
import { effectState } from '../machine/transitions';
import type { BlockCompiler } from './compiler';

/** Calls the host's `http` effect: a 2xx response is mapped into variables and follows `success`. */
export const compileHttpRequest: BlockCompiler<'http_request'> = (block, index) =>
  effectState(index, block.id, {
    effect: 'http',
    input: ({ context }) => buildHttpRequest(block.data, context.variables),
    onDone: [
      {
        guard: 'httpOk',
        target: index.target(block.id, 'success'),
        actions: { type: 'mapHttp', params: { blockId: block.id } },
      },
      { target: index.target(block.id, 'error') },
    ],
    onError: { target: index.target(block.id, 'error') },
  });

/**
 * Values placed in a URL's path or query are URL-encoded, so visitor text cannot add path segments or
 * parameters; the part before the path (scheme and host, or a `{{base_url}}`) is inserted as is.
 */
export function interpolateUrl(template: string, variables: Variables): string {
  const scheme = template.indexOf('://');
  const pathStart = template.indexOf('/', scheme === -1 ? 0 : scheme + 3);
  if (pathStart === -1) return interpolate(template, variables);
  return (
    interpolate(template.slice(0, pathStart), variables) +
    interpolate(template.slice(pathStart), variables, encodeURIComponent)
  );
}

/** A body that looks like JSON gets values escaped as JSON string content, so quotes cannot break it. */
export function interpolateBody(template: string, variables: Variables): string {
  const json = /^\s*[[{]/.test(template);
  return interpolate(template, variables, json ? (v) => JSON.stringify(v).slice(1, -1) : undefined);
}

export function buildHttpRequest(data: HttpRequestData, variables: Variables): HttpEffectRequest {
  const headers: Record<string, string> = {};
  for (const h of data.headers) headers[h.name] = interpolate(h.value, variables).replace(/[\r\n]/g, ' ');
  return {
    method: data.method,
    url: interpolateUrl(data.url.trim(), variables),
    headers,
    body: data.body === undefined ? undefined : interpolateBody(data.body, variables),
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

export function httpRequestImplementations(index: FlowIndex) {
  const httpOk: Guard<undefined> = ({ event }) => isHttpSuccess(outputOf(event));
  return {
    actions: {
      mapHttp: assignWith<BlockParams>(({ context, event }, params) => {
        const output = outputOf<HttpEffectResult>(event);
        const result = { status: Number(output?.status ?? 0), body: output?.body };
        return {
          variables: mapHttpResponse(index.block(params.blockId, 'http_request').data, result, context.variables),
        };
      }),
    },
    guards: { httpOk },
  };
}
