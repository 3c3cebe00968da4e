import type { AuditEntry } from '@flowdesk/contract';
import { useEffect, useState } from 'react';
import { AUDIT_PAGE_SIZE, fetchAuditLog } from './audit-api';
import { newEntries, olderCursor } from './older-page';

export interface OlderPages {
  entries: AuditEntry[];
  hasOlder: boolean;
  loading: boolean;
  error: unknown;
  loadOlder: () => void;
}

/** The first page plus the older pages loaded with "Load older"; starts over when the first page reloads. */
export function useOlderPages(firstPage: AuditEntry[]): OlderPages {
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [hasOlder, setHasOlder] = useState(firstPage.length >= AUDIT_PAGE_SIZE);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setOlder([]);
    setHasOlder(firstPage.length >= AUDIT_PAGE_SIZE);
    setError(null);
  }, [firstPage]);

  const entries = older.length ? [...firstPage, ...older] : firstPage;

  async function loadOlder() {
    const last = entries.at(-1);
    if (!last || loading) return;
    setLoading(true);
    setError(null);
    try {
      let page = await fetchAuditLog(olderCursor(last));
      let fresh = newEntries(entries, page);
      // More than a page stored in one millisecond: step past that millisecond rather than stop here.
      if (fresh.length === 0 && page.length >= AUDIT_PAGE_SIZE) {
        page = await fetchAuditLog(last.createdAt);
        fresh = newEntries(entries, page);
      }
      setOlder((previous) => [...previous, ...fresh]);
      setHasOlder(page.length >= AUDIT_PAGE_SIZE && fresh.length > 0);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }

  return { entries, hasOlder, loading, error, loadOlder: () => void loadOlder() };
}
