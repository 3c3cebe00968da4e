import { useAsync } from '../../ui/use-async';
import { SettingsFrame } from '../SettingsFrame';
import { settingsApi } from '../settings-api';
import { MailboxSection } from './MailboxSection';
import { OutboxSection } from './OutboxSection';

/** Admins: the local mailbox (emails delivered without a provider) and the outbox's delivery state. */
export function MailboxPage() {
  const data = useAsync(() => Promise.all([settingsApi.mailbox(), settingsApi.outbox()]), []);
  return (
    <SettingsFrame
      intro="Emails the workspace sent: delivery state of each, and the local mailbox used without an email provider."
      data={data}
      refreshable
    >
      {([messages, emails]) => (
        <div className="mailbox-page">
          <section className="settings-section">
            <h2>Outbox</h2>
            <OutboxSection emails={emails} onChanged={data.reload} />
          </section>
          <section className="settings-section">
            <h2>Local mailbox</h2>
            <MailboxSection messages={messages} />
          </section>
        </div>
      )}
    </SettingsFrame>
  );
}
