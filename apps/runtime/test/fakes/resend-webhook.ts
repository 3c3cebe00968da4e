import { randomUUID } from 'node:crypto';
import { Webhook } from 'svix';

/**
 * Posts a webhook event to the runtime the way Resend does: JSON body, Svix headers signed with the
 * endpoint's secret (`key` other than the runtime's = a forgery).
 */
export function postResendWebhook(url: string, key: string, event: object, id = `msg_${randomUUID()}`) {
  const payload = JSON.stringify(event);
  const at = new Date();
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'svix-id': id,
      'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
      'svix-signature': new Webhook(key).sign(id, at, payload),
    },
    body: payload,
  });
}

/** An attachment's metadata as an `email.received` event lists it. */
export interface ReceivedAttachment {
  id: string;
  filename: string;
  content_type: string;
  content_disposition: string;
  content_id: string | null;
}

/** An `email.received` event as Resend posts it: metadata only, the content is read by id. */
export function receivedEvent(
  emailId: string,
  to: string,
  from: string,
  subject = 'Re: your conversation',
  attachments: ReceivedAttachment[] = [],
) {
  const now = new Date().toISOString();
  return {
    type: 'email.received',
    created_at: now,
    data: {
      email_id: emailId,
      created_at: now,
      from,
      to: [to],
      bcc: [],
      cc: [],
      received_for: [to],
      message_id: `<${emailId}@mail.example.test>`,
      subject,
      attachments,
    },
  };
}
