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

/**
 * Declares the routes of one area, its base path and OpenAPI tag said once:
 * `const getRoute = route('get', '/{id}', { summary: 'One bot', request: …, responses: … })`.
 */
export function routesUnder<const Base extends string>(base: Base, tag: string) {
  return <M extends RouteConfig['method'], P extends string, D extends RouteDetails>(method: M, path: P, details: D) =>
    createRoute({ method, path: `${base}${path}` as `${Base}${P}`, tags: [tag], ...details });
}
