import { EMAILED_CLIENT_ID_PREFIX } from '@flowdesk/contract';
import { MAX_VISITOR_NAME } from '@flowdesk/contract/page-details';
import EmailReplyParser from 'email-reply-parser';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Services } from '../../services';
import { newId } from '../../services/secrets';
import { namedSecret } from '../signing';
import { emailDb } from '../tables';
import { bareAddress, conversationOfReplyAddress, displayName } from './reply-address';
import { continuityDb, type InboundAttachment } from './tables';

/** One received email, whichever way it came (Resend's webhook, or the local mailbox's simulated reply). */
export interface InboundEmail {
  /** Unique per delivery attempt's event (svix-id; `local:<id>` for a simulated one): replays store once. */
  eventId: string;
  providerEmailId: string | null;
  /** Every recipient the provider reports (to, cc, received_for). */
  recipients: string[];
  from: string;
  subject: string;
  text: string | null;
  html: string | null;
  attachments: InboundAttachment[];
}

export type InboundResult =
  | { status: 'stored'; conversationId: string; messageId: string }
  | { status: 'duplicate'; conversationId: string | null }
  | { status: 'unknown_address' };

/** Longest message the chat stores (the widget's and the inbox's limit). */
const MAX_TEXT = 5000;

/** A crude HTML to text for emails without a text part: tags out, entities of the common kind decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const sizeWords = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * What the visitor wrote: quoted history and signature removed (email-reply-parser, a port of GitHub's
 * EmailReplyParser), attachments listed by name and size (their content stays with the provider).
 */
export function visibleText(email: Pick<InboundEmail, 'text' | 'html' | 'attachments'>): string {
  const body = email.text ?? (email.html ? htmlToText(email.html) : '');
  const reply = new EmailReplyParser().parseReply(body.replace(/\r\n/g, '\n')).trim();
  const files = email.attachments.map((a) => `📎 ${a.filename} (${sizeWords(a.size)})`);
  const parts = [reply, files.length ? `Attachments:\n${files.join('\n')}` : ''].filter(Boolean);
  const text = parts.join('\n\n') || '(empty email)';
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** The conversation one of the recipients is the genuine reply address of. */
export async function conversationOfRecipients(db: Kysely<Database>, recipients: string[], domain: string) {
  const secret = await namedSecret(db, 'reply_address');
  for (const recipient of recipients) {
    const id = conversationOfReplyAddress(secret, recipient, domain);
    if (id) return id;
  }
  return null;
}

/**
 * A visitor the inbox knows only by address gets the name their mail client sends ("Vera Visitor" <vera@…>),
 * when the email comes from their own address; a name they or the website gave is never replaced.
 */
async function nameFromSender<V extends { id: string; name: string | null; email: string | null }>(
  db: Kysely<Database>,
  visitor: V,
  from: string,
): Promise<V> {
  const name = displayName(from)?.slice(0, MAX_VISITOR_NAME);
  if (visitor.name || !name || !visitor.email || bareAddress(from) !== visitor.email.toLowerCase()) return visitor;
  await db.updateTable('visitors').set({ name }).where('id', '=', visitor.id).where('name', 'is', null).execute();
  return { ...visitor, name };
}

/**
 * Puts the visitor's emailed reply into its conversation as a visitor message (agents see it live; a
 * resolved conversation opens again), stored once per event: the inbound row is keyed by the event id
 * and the message by the client id `email:<event id>` (EMAILED_CLIENT_ID_PREFIX).
 */
export async function receiveInboundEmail(
  services: Services,
  email: InboundEmail,
  replyDomain: string,
): Promise<InboundResult> {
  const db = continuityDb(services.db);
  const conversationId = await conversationOfRecipients(services.db, email.recipients, replyDomain);
  if (!conversationId) return { status: 'unknown_address' };
  const conversation = await db
    .selectFrom('conversations')
    .select(['id', 'visitor_id'])
    .where('id', '=', conversationId)
    .executeTakeFirst();
  if (!conversation) return { status: 'unknown_address' };
  const visitor = await nameFromSender(
    db,
    await db.selectFrom('visitors').selectAll().where('id', '=', conversation.visitor_id).executeTakeFirstOrThrow(),
    email.from,
  );
  const text = visibleText(email);
  const stored = await db
    .insertInto('inbound_emails')
    .values({
      id: newId(),
      event_id: email.eventId,
      provider_email_id: email.providerEmailId,
      conversation_id: conversation.id,
      from_address: bareAddress(email.from).slice(0, 320),
      subject: email.subject.slice(0, 500),
      text,
      attachments: JSON.stringify(email.attachments),
    })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  const result = await services.conversations.visitorMessage(conversation.id, visitor, {
    clientId: `${EMAILED_CLIENT_ID_PREFIX}${email.eventId}`.slice(0, 100),
    content: { type: 'text', text },
    channel: 'email',
  });
  if (!stored || result.duplicate) return { status: 'duplicate', conversationId: conversation.id };
  return { status: 'stored', conversationId: conversation.id, messageId: result.message.message.id };
}

/** A hard bounce: nothing more goes to that address (every kind), as an unsubscribe would do. */
export async function suppressBouncedAddress(db: Kysely<Database>, address: string) {
  await emailDb(db)
    .insertInto('email_unsubscribes')
    .values({ address: bareAddress(address), kind: 'all' })
    .onConflict((oc) => oc.columns(['address', 'kind']).doNothing())
    .execute();
}
