import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { AppEnv, Router } from '../../http/env';
import { ErrorBody } from '../../http/schemas';
import { jsonBody, queryOf } from './request';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteSpec<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  method: Method;
  /** Hono style, e.g. `/api/inbox/conversations/:id`. */
  path: string;
  tag: string;
  summary: string;
  body?: B;
  query?: Q;
  /** Success status (200 unless given). */
  status?: 200 | 201 | 204;
}

type Input<B, Q> = {
  body: B extends z.ZodType ? z.infer<B> : undefined;
  query: Q extends z.ZodType ? z.infer<Q> : undefined;
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBody } },
});

/**
 * Adds a route whose body and query are validated with zod (bad input → 400 `invalid_request`) and which
 * appears in the OpenAPI document (/openapi.json, /docs) under its tag.
 */
export function defineRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  router: Router,
  spec: RouteSpec<B, Q>,
  handler: (c: Context<AppEnv>, input: Input<B, Q>) => Promise<unknown>,
) {
  const status = spec.status ?? 200;
  router.openAPIRegistry.registerPath({
    method: spec.method,
    path: spec.path.replace(/:(\w+)/g, '{$1}'),
    tags: [spec.tag],
    summary: spec.summary,
    request: {
      ...(spec.body ? { body: { required: true, content: { 'application/json': { schema: spec.body } } } } : {}),
      ...(spec.query ? { query: spec.query as never } : {}),
    },
    responses: {
      [status]: { description: status === 204 ? 'Done' : 'OK' },
      400: errorResponse('Invalid input'),
      401: errorResponse('Not signed in'),
      403: errorResponse('Not allowed'),
      404: errorResponse('Not found'),
    },
  });
  router.on(spec.method.toUpperCase(), spec.path, async (c) => {
    const input = {
      body: spec.body ? await jsonBody(c, spec.body) : undefined,
      query: spec.query ? queryOf(c, spec.query) : undefined,
    } as Input<B, Q>;
    const result = await handler(c, input);
    return status === 204 ? c.body(null, 204) : c.json(result, status as ContentfulStatusCode);
  });
}
