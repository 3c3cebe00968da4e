import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../../http/env';
import { badRequest } from '../../http/errors';
import { currentUser } from '../../http/middleware/auth';
import type { Services } from '../../services';
import { loadViewer } from '../access';

/** The JSON body, validated (bad JSON → 400 invalid_json, bad shape → 400 invalid_request via the app's handler). */
export async function jsonBody<T extends z.ZodType>(c: Context<AppEnv>, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    const text = await c.req.text();
    body = text ? JSON.parse(text) : {};
  } catch {
    throw badRequest('The body is not valid JSON');
  }
  return schema.parse(body);
}

export const queryOf = <T extends z.ZodType>(c: Context<AppEnv>, schema: T): z.infer<T> => schema.parse(c.req.query());

export const viewerOf = (c: Context<AppEnv>, services: Services) => loadViewer(services.db, currentUser(c));

export function idParam(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? '';
  if (id.length === 0 || id.length > 100) throw badRequest('Invalid id');
  return id;
}
