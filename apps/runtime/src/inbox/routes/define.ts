import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { AppEnv, Router } from '../../http/env';
import { errorsOf, jsonResponse } from '../../http/schemas';
import { jsonBody, queryOf } from './request';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What a route answers: a body described by its contract schema, or 204 without one. */
type Answer<R extends z.ZodType> = { status?: 200 | 201; response: R } | { status: 204; response?: undefined };

/** A body or query schema, when the route takes one. */
type MaybeSchema = z.ZodType | undefined;

type RouteSpec<B extends MaybeSchema, Q extends MaybeSchema, R extends z.ZodType> = RouteBase<B, Q> & Answer<R>;

interface RouteBase<B extends MaybeSchema, Q extends MaybeSchema> extends Described<B, Q> {
  method: Method;
  /** Hono style, e.g. `/api/inbox/conversations/:id`. */
  path: string;
  tag: string;
}

/** What a route declares besides its method, path, tag and answer. */
interface Described<B extends MaybeSchema, Q extends MaybeSchema> {
  summary: string;
  body?: B;
  query?: Q;
}

type Input<B, Q> = {
  body: B extends z.ZodType ? z.infer<B> : undefined;
  query: Q extends z.ZodType ? z.infer<Q> : undefined;
};

type Handler<B, Q, R extends z.ZodType> = (c: Context<AppEnv>, input: Input<B, Q>) => Promise<z.input<R>>;

/**
 * Adds a route whose body and query are validated with zod (bad input → 400 `invalid_request`) and which
 * appears in the OpenAPI document (/openapi.json, /docs) under its tag, its answer described by the contract
 * schema the dashboard checks it with.
 */
function defineRoute<
  B extends MaybeSchema = undefined,
  Q extends MaybeSchema = undefined,
  R extends z.ZodType = z.ZodType,
>(router: Router, spec: RouteSpec<B, Q, R>, handler: Handler<B, Q, R>) {
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
      [status]: spec.response ? jsonResponse(spec.response, 'OK') : { description: 'Done, no body' },
      ...errorsOf(400, 401, 403, 404),
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

/** What a route declares besides its method, path and tag. */
type RouteDetails<B extends MaybeSchema, Q extends MaybeSchema, R extends z.ZodType> = Described<B, Q> & Answer<R>;

/**
 * `defineRoute` for the routes of one area, its router, base path and tag said once:
 * `route('patch', '/:id', { summary: 'Edit a saved reply', body: CannedPatch, response: CannedResponseAnswer }, …)`.
 */
export function routesOn(router: Router, base: string, tag: string) {
  return <B extends MaybeSchema = undefined, Q extends MaybeSchema = undefined, R extends z.ZodType = z.ZodType>(
    method: Method,
    path: string,
    details: RouteDetails<B, Q, R>,
    handler: Handler<B, Q, R>,
  ) => defineRoute<B, Q, R>(router, { method, path: `${base}${path}`, tag, ...details }, handler);
}
