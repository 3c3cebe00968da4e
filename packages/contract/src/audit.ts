import { z } from 'zod';

/** The admin audit log (GET /api/admin/audit). */

export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** An ISO time: only entries older than it (the next page). */
  before: z.iso.datetime({ offset: true }).optional(),
});

export const AuditEntry = z.object({
  id: z.string(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** The target's name today (a flow's, a team's, a person's…); null when it is gone or has no name (settings). */
  targetName: z.string().nullable().optional(),
  actor: z.object({ id: z.string().nullable(), name: z.string().nullable(), email: z.string().nullable() }),
  /** What the runtime kept of the request: its status and the names (never values) of the fields sent. */
  data: z.looseObject({ status: z.number().optional(), fields: z.array(z.string()).optional() }),
  createdAt: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditLogAnswer = z.object({ entries: z.array(AuditEntry) });
