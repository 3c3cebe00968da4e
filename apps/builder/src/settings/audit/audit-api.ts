import { type AuditEntry, AuditLogAnswer } from '@flowdesk/contract';
import { api } from '../../api/api';

/** Entries per request (the runtime's default page). */
export const AUDIT_PAGE_SIZE = 50;

/** Admins' changes to the workspace, newest first; `before` (an ISO time) pages to older ones. */
export function fetchAuditLog(before?: string): Promise<AuditEntry[]> {
  const query = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  if (before) query.set('before', before);
  return api.get(`/api/admin/audit?${query}`, AuditLogAnswer).then((r) => r.entries);
}
