import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { sendError, zodDetails } from '../http/errors';

/**
 * A router whose validation failures answer 400 `invalid_request` with the first problem in the message
 * ("password: Use at least 8 characters"), so a form can show it as it is.
 */
export function peopleRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const details = zodDetails(result.error);
      const first = details[0];
      const message = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'Invalid request';
      return sendError(c, 400, 'invalid_request', message, details);
    },
  });
}
