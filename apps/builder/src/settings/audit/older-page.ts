import type { AuditEntry } from '@flowdesk/contract';

/**
 * Where the next older page starts. The runtime keeps microseconds but shows milliseconds, and pages with
 * `created_at < before`: asking for `before = last.createdAt` would skip entries stored later in that same
 * millisecond. So ask from one millisecond later and drop the entries already shown (see `newEntries`).
 */
export function olderCursor(last: AuditEntry): string {
  return new Date(Date.parse(last.createdAt) + 1).toISOString();
}

/** The entries of `page` not already in `shown`, in the runtime's (newest first) order. */
export function newEntries(shown: readonly AuditEntry[], page: readonly AuditEntry[]): AuditEntry[] {
  const seen = new Set(shown.map((entry) => entry.id));
  return page.filter((entry) => !seen.has(entry.id));
}
