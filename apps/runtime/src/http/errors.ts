import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
} from '../errors';

/**
 * An HTTP answer decided at the edge (middleware, route handlers): `{error:{code,message,details}}` with its
 * status. Services and areas throw domain errors (../errors.ts) instead.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// Shorthands for route handlers (the edge); services and areas throw the domain errors themselves.
export const badRequest = (message: string, details?: unknown) => new ValidationError(message, details);
export const unauthorized = (message?: string) => new UnauthorizedError(message);
export const forbidden = (message?: string) => new ForbiddenError(message);
export const notFound = (what?: string) => new NotFoundError(what);
export const conflict = (message: string, details?: unknown) => new ConflictError(message, details);

/** The status each domain error answers with. */
const DOMAIN_STATUS: Record<DomainError['kind'], ContentfulStatusCode> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

/** `details` is always present (null when there are none), so clients can rely on the shape. */
export function errorBody(code: string, message: string, details?: unknown) {
  return { error: { code, message, details: details ?? null } };
}

export function sendError(c: Context, status: ContentfulStatusCode, code: string, message: string, details?: unknown) {
  return c.json(errorBody(code, message, details), status);
}

/** Zod issues as a client can use them: where and what. */
export function zodDetails(error: ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code, message: issue.message }));
}

/**
 * 400 `invalid_request` for input its schema refused: the first problem in the message ("allowedOrigins.0: Not a
 * website address"), so a form or a toast can show it as it is, and every problem in `details`.
 */
export function sendInvalid(c: Context, error: ZodError) {
  const details = zodDetails(error);
  const first = details[0];
  const message = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'Invalid request';
  return sendError(c, 400, 'invalid_request', message, details);
}

// Connection failures, admin shutdown / cannot connect now / too many connections, and a dropped database.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  '57P01',
  '57P03',
  '53300',
  '3D000',
  '57014', // statement_timeout: the database is too slow to answer now
]);

/** True for errors meaning the database cannot be reached right now (→ 503, not 500). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  const message = (error as { message?: unknown }).message;
  return (
    typeof message === 'string' &&
    // The last two: no answer within DB_QUERY_TIMEOUT_MS / DB_CONNECT_TIMEOUT_MS; the third: a rollback on a
    // connection that broke mid-transaction.
    /Connection terminated|connection timeout|PGlite is closed|driver has already been destroyed|not queryable|Query read timeout|timeout exceeded when trying to connect/i.test(
      message,
    )
  );
}

/**
 * PostgreSQL's class 22 "data exception" (NUL characters, bad text representations, out-of-range values):
 * the request carried a value the database refuses, so it is the client's input, not a server fault.
 */
export function isRejectedValue(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** The app's one error handler: every failure leaves as the documented JSON body. */
export function handleError(logger: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof DomainError) {
      return sendError(c, DOMAIN_STATUS[error.kind], error.code, error.message, error.details);
    }
    if (error instanceof ApiError) return sendError(c, error.status, error.code, error.message, error.details);
    if (error instanceof ZodError) return sendInvalid(c, error);
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      const code = status === 400 ? 'invalid_json' : status === 413 ? 'payload_too_large' : `http_${status}`;
      return sendError(c, status, code, error.message || 'Request failed');
    }
    if (isRejectedValue(error)) {
      return sendError(
        c,
        400,
        'invalid_value',
        'The request contains a value that cannot be stored (e.g. a NUL character)',
      );
    }
    if (isDatabaseUnavailable(error)) {
      logger.warn({ err: error }, 'database unavailable');
      return sendError(c, 503, 'unavailable', 'The service is temporarily unavailable, retry shortly');
    }
    logger.error({ err: error, path: c.req.path }, 'unhandled error');
    return sendError(c, 500, 'internal', 'Something went wrong');
  };
}
