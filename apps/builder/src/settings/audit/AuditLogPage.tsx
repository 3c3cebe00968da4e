import type { AuditEntry } from '@flowdesk/contract';
import { EmptyState, ErrorState } from '../../ui/states';
import { useAsync } from '../../ui/use-async';
import { SettingsFrame } from '../SettingsFrame';
import { AuditTable } from './AuditTable';
import { fetchAuditLog } from './audit-api';
import { useOlderPages } from './use-older-pages';
import './audit.css';

function AuditLog({ firstPage }: { firstPage: AuditEntry[] }) {
  const pages = useOlderPages(firstPage);
  if (pages.entries.length === 0) {
    return <EmptyState title="No admin actions yet">Changes to flows, bots, people and settings show here.</EmptyState>;
  }
  return (
    <section className="settings-section audit-log">
      <AuditTable entries={pages.entries} now={Date.now()} />
      {pages.error ? <ErrorState error={pages.error} onRetry={pages.loadOlder} /> : null}
      {pages.hasOlder && !pages.error ? (
        <button type="button" className="btn audit-older" disabled={pages.loading} onClick={pages.loadOlder}>
          {pages.loading ? 'Loading…' : 'Load older'}
        </button>
      ) : null}
    </section>
  );
}

/** Admins: who changed flows, bots, people and settings, newest first. */
export function AuditLogPage() {
  const data = useAsync(() => fetchAuditLog(), []);
  return (
    <SettingsFrame
      intro="Who changed flows, bots, people and settings, and when. Field names are kept, never their values."
      data={data}
      refreshable
    >
      {(firstPage) => <AuditLog firstPage={firstPage} />}
    </SettingsFrame>
  );
}
