import { ApiErrorBody } from '@flowdesk/contract';
import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';

/** OpenAPI pieces shared by route files. */

/**
 * The error answer of every route (packages/contract), named for the OpenAPI document (a copy made here: schemas
 * built before @hono/zod-openapi loads lack `.openapi`).
 */
export const ErrorBody = ApiErrorBody.extend({}).openapi('Error');

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBody } },
});

export const errors = {
  400: errorResponse('Invalid input'),
  401: errorResponse('Not signed in'),
  403: errorResponse('Not allowed'),
  404: errorResponse('Not found'),
  409: errorResponse('Conflict'),
  413: errorResponse('Body too large'),
  422: errorResponse('Not processable'),
  429: errorResponse('Too many requests'),
} as const;

/** The error answers a route documents, by status: `responses: { 200: …, ...errorsOf(400, 401) }`. */
export function errorsOf<S extends keyof typeof errors>(...statuses: S[]): Pick<typeof errors, S> {
  return Object.fromEntries(statuses.map((status) => [status, errors[status]])) as Pick<typeof errors, S>;
}

/** The errors of an admin route: invalid input, not signed in, not an admin. */
export const adminErrors = errorsOf(400, 401, 403);

export const jsonBody = <T extends z.ZodType>(schema: T, description = 'JSON body') => ({
  required: true,
  description,
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const IdParam = z.object({ id: z.string().min(1).max(100) });

/** What a route declares besides its method, path and tag: summary, request, responses, description, security. */
type RouteDetails = Omit<RouteConfig, 'method' | 'path' | 'tags'>;

type RouteParameters = NonNullable<NonNullable<RouteConfig['request']>['params']>;
type RouteRequest = NonNullable<RouteConfig['request']>;

/** What a route takes: path parameters, query, and a JSON body (required, or optional), each a zod schema. */
type RouteInput = { params?: RouteParameters; query?: RouteParameters; body?: z.ZodType; optionalBody?: z.ZodType };

const optionalJsonBody = <T extends z.ZodType>(schema: T) => ({
  required: false,
  content: { 'application/json': { schema } },
});

/** The OpenAPI `request` of a route's input. */
type RequestOf<I extends RouteInput> = Omit<I, 'body' | 'optionalBody'> &
  (I['body'] extends z.ZodType ? { body: ReturnType<typeof jsonBody<I['body']>> } : unknown) &
  (I['optionalBody'] extends z.ZodType ? { body: ReturnType<typeof optionalJsonBody<I['optionalBody']>> } : unknown);

/** A route's request, from what it takes: `takes({ params: IdParam, body: PatchBotRequest })`. */
export function takes<const I extends RouteInput>({ body, optionalBody, ...parameters }: I): RequestOf<I> {
  const json = body ? jsonBody(body) : optionalBody && optionalJsonBody(optionalBody);
  return (json ? { ...parameters, body: json } : parameters) as unknown as RequestOf<I>;
}

type Declared<
  Base extends string,
  M extends RouteConfig['method'],
  P extends string,
  D extends RouteDetails,
> = ReturnType<typeof createRoute<`${Base}${P}`, { method: M; path: `${Base}${P}`; tags: string[] } & D>>;

/**
 * Declares the routes of one area, its base path and OpenAPI tag said once. What a route takes comes first, like
 * a signature: `route('patch', '/{id}', takes({ params: IdParam, body: PatchBot }), { summary: …, responses: … })`;
 * a route that takes nothing: `route('get', '', { summary: …, responses: … })`.
 */
export function routesUnder<const Base extends string>(base: Base, tag: string) {
  function route<M extends RouteConfig['method'], P extends string, D extends RouteDetails>(
    method: M,
    path: P,
    details: D,
  ): Declared<Base, M, P, D>;
  function route<
    M extends RouteConfig['method'],
    P extends string,
    R extends RouteRequest,
    D extends Omit<RouteDetails, 'request'>,
  >(method: M, path: P, request: R, details: D): Declared<Base, M, P, D & { request: R }>;
  function route(method: RouteConfig['method'], path: string, ...rest: [RouteDetails] | [RouteRequest, RouteDetails]) {
    const details = rest.length === 1 ? rest[0] : { ...rest[1], request: rest[0] };
    return createRoute({ method, path: `${base}${path}`, tags: [tag], ...details });
  }
  return route;
}
