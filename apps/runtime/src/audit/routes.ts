import { type AuditEntry, AuditLogAnswer, AuditQuery } from '@flowdesk/contract';
import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../http/env';
import { currentUser, requireUser } from '../http/middleware/auth';
import { errorsOf, jsonResponse } from '../http/schemas';
import type { Services } from '../services';
import { listAudit } from './repository';
import { targetNames } from './target-names';

const listRoute = createRoute({
  method: 'get',
  path: '/api/admin/audit',
  tags: ['Audit'],
  summary: 'Admin actions in my workspace, newest first (admin)',
  request: { query: AuditQuery },
  responses: { 200: jsonResponse(AuditLogAnswer, 'Audit log'), ...errorsOf(400, 401, 403) },
});

export function auditRoutes(services: Services) {
  const router = createRouter();
  router.use('/api/admin/audit', requireUser(services, { role: 'admin' }));
  router.openapi(listRoute, async (c) => {
    const { limit, before } = c.req.valid('query');
    const { workspaceId } = currentUser(c);
    const rows = await listAudit(services.db, workspaceId, { limit, ...(before ? { before: new Date(before) } : {}) });
    const nameOf = await targetNames(services.db, workspaceId, rows);
    const entries = rows.map((row) => ({
      id: row.id,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      targetName: nameOf(row.target_type, row.target_id),
      actor: { id: row.actor_id, name: row.actor_name, email: row.actor_email },
      data: row.data as AuditEntry['data'],
      createdAt: row.created_at.toISOString(),
    }));
    return c.json({ entries }, 200);
  });
  return router;
}
