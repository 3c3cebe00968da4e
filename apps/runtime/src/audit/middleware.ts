import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from '../http/env';
import type { Services } from '../services';
import { auditAction } from './actions';
import { recordAudit } from './repository';

/**
 * Records each successful admin write (who, what, which target, which fields were sent — never their
 * values, which may hold passwords or API keys). Recording failures are logged, not shown to the admin.
 */
export function auditAdminActions(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const user = c.get('user');
    if (!user || c.res.status >= 400) return;
    const action = auditAction(c.req.method, routePath(c), c.req.param() as Record<string, string>);
    if (!action) return;
    // Only a JSON body has fields to name (an uploaded file's bytes are never read for them).
    const fields = c.req.header('content-type')?.includes('application/json')
      ? await sentFields(() => c.req.json())
      : [];
    // A creation has no id in its path: take the created record's from the answer.
    const targetId = action.targetId ?? (await createdId(c.res));
    try {
      await recordAudit(services.db, {
        workspaceId: user.workspaceId,
        userId: user.id,
        ...action,
        targetId,
        data: { status: c.res.status, ...(fields.length ? { fields } : {}) },
      });
    } catch (error) {
      services.logger.error({ err: error, action: action.action }, 'audit entry not recorded');
    }
  };
}

/** The top-level keys of the JSON body (Hono keeps the body the route already read). */
async function sentFields(readJson: () => Promise<unknown>): Promise<string[]> {
  try {
    const body: unknown = await readJson();
    return body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body).slice(0, 50) : [];
  } catch {
    return [];
  }
}

/** `{ team: { id } }` or `{ id }` → the id, from a JSON answer; null otherwise. */
async function createdId(response: Response): Promise<string | null> {
  if (!response.headers.get('content-type')?.includes('application/json')) return null;
  try {
    const body: unknown = await response.clone().json();
    if (!body || typeof body !== 'object') return null;
    if (typeof (body as { id?: unknown }).id === 'string') return (body as { id: string }).id;
    for (const value of Object.values(body)) {
      const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
      if (typeof id === 'string') return id;
    }
  } catch {
    // Not JSON after all: no id.
  }
  return null;
}
