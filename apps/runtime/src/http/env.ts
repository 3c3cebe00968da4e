import { OpenAPIHono } from '@hono/zod-openapi';
import type { PublicUser } from '../people/users';
import { sendInvalid } from './errors';

/** Per-request values set by middleware. */
export interface AppVariables {
  requestId: string;
  /** The signed-in dashboard user (from the session cookie), when there is one. */
  user?: PublicUser;
  /** Public API: false once the request's Origin was refused for the bot (no CORS header then). */
  originAllowed?: boolean;
}

export interface AppEnv {
  Variables: AppVariables;
}

/**
 * A router whose zod validation failures answer 400 `{error:{code:'invalid_request',…}}` with the first problem in
 * words (see sendInvalid). Use for every route file.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return sendInvalid(c, result.error);
    },
  });
}

export type Router = ReturnType<typeof createRouter>;
