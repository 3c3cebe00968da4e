import { useState } from 'react';
import { useToast } from '../../app/toasts';
import { formatDateTime } from '../../ui/format';
import { EmptyState } from '../../ui/states';
import { TableHead } from '../../ui/TableHead';
import { type OutboxEmail, type OutboxStatus, settingsApi } from '../settings-api';

const STATUS_BADGE: Record<OutboxStatus, string> = {
  pending: 'badge badge-warning',
  sending: 'badge badge-warning',
  sent: 'badge badge-success',
  failed: 'badge badge-error',
  // Cancelled before sending because it no longer applied (its reason is in lastError).
  cancelled: 'badge',
};

/** Every queued email with its delivery state; failed ones can be sent again. */
export function OutboxSection({ emails, onChanged }: { emails: OutboxEmail[]; onChanged: () => void }) {
  const toast = useToast();
  const [retrying, setRetrying] = useState<string | null>(null);

  async function retry(id: string) {
    setRetrying(id);
    try {
      await settingsApi.retry(id);
      toast.success('Queued to send again.');
      onChanged();
    } catch (error) {
      toast.error(error);
    } finally {
      setRetrying(null);
    }
  }

  if (emails.length === 0) return <EmptyState title="No emails sent yet" />;
  return (
    <table className="table outbox-table" aria-label="Outbox">
      <TableHead columns={['Email', 'Status', 'Attempts', 'Last error']} actions />
      <tbody>
        {emails.map((email) => (
          <tr key={email.id}>
            <td>
              <strong>{email.subject}</strong>
              <div className="hint">
                To {email.to} · {email.kind.replaceAll('_', ' ')} · {formatDateTime(email.createdAt)}
              </div>
            </td>
            <td>
              <span className={STATUS_BADGE[email.status]}>{email.status}</span>
            </td>
            <td>{email.attempts}</td>
            <td className={email.lastError ? 'outbox-error' : 'hint'}>{email.lastError ?? '—'}</td>
            <td>
              {email.status === 'failed' ? (
                <button
                  type="button"
                  className="btn btn-sm"
                  disabled={retrying === email.id}
                  aria-label={`Retry ${email.subject} to ${email.to}`}
                  onClick={() => retry(email.id)}
                >
                  Retry
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
