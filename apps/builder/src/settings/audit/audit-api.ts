import { uncheckedResponse } from '@flowdesk/contract';
import { api } from '../../api/api';

export interface AuditEntry {
  id: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  actor: { id: string | null; name: string | null; email: string | null };
  /** What the runtime kept of the request: its status and the names (never values) of the fields sent. */
  data: { status?: number; fields?: string[] } & Record<string, unknown>;
  createdAt: string;
}

/** Entries per request (the runtime's default page). */
export const AUDIT_PAGE_SIZE = 50;

/** Admins' changes to the workspace, newest first; `before` (an ISO time) pages to older ones. */
export function fetchAuditLog(before?: string): Promise<AuditEntry[]> {
  const query = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  if (before) query.set('before', before);
  return api.get(`/api/admin/audit?${query}`, uncheckedResponse<{ entries: AuditEntry[] }>()).then((r) => r.entries);
}
