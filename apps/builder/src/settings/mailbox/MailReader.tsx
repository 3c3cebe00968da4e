import { formatDateTime } from '../../ui/format';
import { ErrorState, Spinner } from '../../ui/states';
import { useAsync } from '../../ui/use-async';
import { settingsApi } from '../settings-api';
import { replyAddressOf, SimulatedReply } from './SimulatedReply';

/**
 * One stored email. Its HTML is shown only inside an iframe with an empty `sandbox` (no scripts, no
 * same-origin, no forms), never in the dashboard's DOM.
 */
export function MailReader({ id }: { id: string }) {
  const data = useAsync(() => settingsApi.mail(id), [id]);
  if (data.status === 'loading') return <Spinner />;
  if (data.status === 'error') return <ErrorState error={data.error} onRetry={data.reload} />;
  const mail = data.value;
  const replyAddress = replyAddressOf(mail.from);
  return (
    <article className="mail-reader" aria-label={`Email: ${mail.subject}`}>
      <header>
        <h2>{mail.subject}</h2>
        <dl className="mail-meta">
          <dt>From</dt>
          <dd>{mail.from}</dd>
          <dt>To</dt>
          <dd>{mail.to}</dd>
          <dt>Date</dt>
          <dd>{formatDateTime(mail.createdAt)}</dd>
        </dl>
      </header>
      {mail.html ? (
        <iframe className="mail-frame" title={`Content of ${mail.subject}`} sandbox="" srcDoc={mail.html} />
      ) : (
        <pre className="mail-text">{mail.text}</pre>
      )}
      {replyAddress ? <SimulatedReply key={mail.id} replyAddress={replyAddress} visitor={mail.to} /> : null}
    </article>
  );
}
