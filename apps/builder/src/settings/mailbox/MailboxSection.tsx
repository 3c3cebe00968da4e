import { useState } from 'react';
import { formatDateTime } from '../../ui/format';
import { EmptyState } from '../../ui/states';
import type { MailSummary } from '../settings-api';
import { MailReader } from './MailReader';

/** Emails the runtime delivered to its local mailbox (no RESEND_API_KEY), newest first. */
export function MailboxSection({ messages }: { messages: MailSummary[] }) {
  const [openId, setOpenId] = useState<string | null>(null);
  if (messages.length === 0) {
    return (
      <EmptyState title="The mailbox is empty">
        Emails appear here when the runtime runs without an email provider key.
      </EmptyState>
    );
  }
  return (
    <div className="mailbox">
      <ul className="mail-list" aria-label="Local mailbox">
        {messages.map((mail) => (
          <li key={mail.id}>
            <button
              type="button"
              className={mail.id === openId ? 'mail-item active' : 'mail-item'}
              aria-current={mail.id === openId ? 'true' : undefined}
              onClick={() => setOpenId(mail.id)}
            >
              <span className="mail-item-top">
                <strong className={mail.readAt || mail.id === openId ? '' : 'unread'}>{mail.subject}</strong>
                <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt)}</time>
              </span>
              <span className="hint">To {mail.to}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="mail-pane">
        {openId ? <MailReader id={openId} /> : <p className="hint">Choose an email to read it.</p>}
      </div>
    </div>
  );
}
