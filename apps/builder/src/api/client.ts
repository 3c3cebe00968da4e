import { ApiErrorBody, type ResponseOf, type ResponseSchema, responseMismatch } from '@flowdesk/contract';

/**
 * The one way the dashboard talks to the runtime. Every request carries the CSRF header the runtime
 * requires for cookie-authenticated writes, and every failure becomes an `ApiError` holding the
 * runtime's own `{error:{code,message,details}}` so toasts can show its words. Each call names the response
 * schema from `@flowdesk/contract`: it types the answer and, in development and tests, checks it (a mismatch is
 * an `invalid_response` ApiError naming the path); production builds skip the check.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClientOptions {
  /** Origin (and optional path prefix) of the runtime; '' means same origin as the page. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Called on any 401 so the app can return to the login page. */
  onUnauthorized?: () => void;
}

export interface ApiClient {
  request<S extends ResponseSchema>(
    method: HttpMethod,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<ResponseOf<S>>;
  get<S extends ResponseSchema>(path: string, schema: S): Promise<ResponseOf<S>>;
  post<S extends ResponseSchema>(path: string, schema: S, body?: unknown): Promise<ResponseOf<S>>;
  put<S extends ResponseSchema>(path: string, schema: S, body?: unknown): Promise<ResponseOf<S>>;
  patch<S extends ResponseSchema>(path: string, schema: S, body?: unknown): Promise<ResponseOf<S>>;
  delete<S extends ResponseSchema>(path: string, schema: S): Promise<ResponseOf<S>>;
}

/**
 * Checking every answer costs a parse; development and tests pay it, production does not. A production bundle
 * built with VITE_CHECK_RESPONSES=true checks too (browser end-to-end runs against a live runtime).
 */
const checkResponses =
  import.meta.env.DEV || import.meta.env.MODE === 'test' || import.meta.env.VITE_CHECK_RESPONSES === 'true';

export const CSRF_HEADER = { 'X-Requested-With': 'flowdesk' } as const;

/** The runtime's own words when the body is its error answer; anything else (a proxy's page) gets `fallback`. */
function errorFromBody(status: number, body: unknown, fallback: string): ApiError {
  const answer = ApiErrorBody.safeParse(body);
  if (!answer.success) return new ApiError(status, `http_${status}`, fallback);
  const { code, message, details } = answer.data.error;
  return new ApiError(status, code, message, details);
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The answer typed by its schema. It is the raw answer, not the parse, so fields a schema does not name yet stay
 * as the runtime sent them; the schema is the one the runtime documents the route with.
 */
function checked<S extends ResponseSchema>(schema: S, data: unknown, call: string, status: number): ResponseOf<S> {
  if (checkResponses) {
    const mismatch = responseMismatch(schema, data);
    if (mismatch) throw new ApiError(status, 'invalid_response', `${call} answered an unexpected shape: ${mismatch}`);
  }
  return data as ResponseOf<S>;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function request<S extends ResponseSchema>(
    method: HttpMethod,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<ResponseOf<S>> {
    const headers: Record<string, string> = { Accept: 'application/json', ...CSRF_HEADER };
    // A Blob (a chosen File) goes as its raw bytes (uploads); anything else as JSON.
    const blob = body instanceof Blob ? body : null;
    if (body !== undefined) headers['Content-Type'] = blob ? 'application/octet-stream' : 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        credentials: 'include',
        body: body === undefined ? undefined : (blob ?? JSON.stringify(body)),
      });
    } catch (cause) {
      throw new ApiError(0, 'network_error', `Cannot reach the server (${(cause as Error).message}).`);
    }
    const parsed = await readBody(response);
    if (!response.ok) {
      if (response.status === 401) options.onUnauthorized?.();
      throw errorFromBody(response.status, parsed, `${method} ${path} failed with status ${response.status}.`);
    }
    return checked(schema, parsed, `${method} ${path}`, response.status);
  }

  return {
    request,
    get: (path, schema) => request('GET', path, schema),
    post: (path, schema, body) => request('POST', path, schema, body),
    put: (path, schema, body) => request('PUT', path, schema, body),
    patch: (path, schema, body) => request('PATCH', path, schema, body),
    delete: (path, schema) => request('DELETE', path, schema),
  };
}

/** Human words for any thrown value, for toasts. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
