import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { isVisitorConnected } from '../../realtime/visitor-presence';
import type { StoredMessage } from '../../repositories/messages';
import type { ConversationTx } from '../../services/conversation-tx';
import { EMAIL_API_PREFIX } from '../compose';
import { messageText } from '../message-text';
import { enqueueEmail, isUnsubscribed } from '../outbox';
import type { BeforeSend } from '../refresh';
import { emailDb, type OutboxRow } from '../tables';
import { renderEmail } from '../templates';
import { signUnsubscribeToken, unsubscribeSecret } from '../unsubscribe-token';
import { continueLink } from './continue-link';
import { conversationReplyAddress } from './reply-address';
import { continuityDb } from './tables';

export const VISITOR_REPLY = 'visitor_reply';

export interface ContinuitySettings {
  publicUrl: string;
  replyDomain: string;
  /** How long the burst waits (after the agent's last message) for the visitor to be back in the widget. */
  graceMs: number;
  continuePageUrl: string;
  continueLinkDays: number;
}

/** What the outbox row keeps to render the burst at send time. */
interface BurstProps {
  [key: string]: unknown;
  afterSeq: number;
  continueUrl: string;
  fromName: string;
}

const pendingBurst = (db: Kysely<Database>, conversationId: string) =>
  emailDb(db)
    .selectFrom('email_outbox')
    .select('id')
    .where('conversation_id', '=', conversationId)
    .where('kind', '=', VISITOR_REPLY)
    .where('status', '=', 'pending')
    .where('attempts', '=', 0)
    .executeTakeFirst();

/**
 * In the agent reply's transaction: one email per burst. The first reply of a burst queues a row due after
 * the grace period; later replies before it goes push it back (debounce), so the visitor gets the burst
 * in one email once the agent has been quiet for `graceMs`. Whether the visitor is still away is decided
 * by the worker at send time (`prepareVisitorReply`), never here.
 */
export async function queueVisitorReply(tx: ConversationTx, message: StoredMessage, settings: ContinuitySettings) {
  const conversation = tx.conversation;
  const visitor = await tx.trx
    .selectFrom('visitors')
    .select(['id', 'email'])
    .where('id', '=', conversation.visitor_id)
    .executeTakeFirst();
  if (!visitor?.email) return;
  const now = new Date();
  const notBefore = new Date(now.getTime() + settings.graceMs);
  const open = await pendingBurst(tx.trx, conversation.id);
  if (open) {
    await emailDb(tx.trx)
      .updateTable('email_outbox')
      .set({ next_attempt_at: notBefore })
      .where('id', '=', open.id)
      .execute();
    return;
  }
  const bot = await tx.trx.selectFrom('bots').select('name').where('id', '=', conversation.bot_id).executeTakeFirst();
  const botName = bot?.name ?? 'Support';
  const replyAddress = await conversationReplyAddress(tx.trx, conversation.id, settings.replyDomain);
  const continueUrl = await continueLink(
    tx.trx,
    {
      pageUrl: settings.continuePageUrl,
      conversationId: conversation.id,
      visitorId: visitor.id,
      botId: conversation.bot_id,
    },
    { now, days: settings.continueLinkDays },
  );
  const token = signUnsubscribeToken(await unsubscribeSecret(tx.trx), {
    address: visitor.email.toLowerCase(),
    userId: null,
    kind: VISITOR_REPLY,
  });
  const unsubscribeUrl = `${settings.publicUrl}${EMAIL_API_PREFIX}/unsubscribe?token=${token}`;
  const props: BurstProps = { afterSeq: message.message.seq - 1, continueUrl, fromName: botName };
  // A complete email already (this one message); the worker renders the whole burst before sending.
  const rendered = await renderEmail(
    VISITOR_REPLY,
    {
      botName,
      agentName: message.message.authorName ?? botName,
      messages: [
        {
          author: message.message.authorName ?? botName,
          text: messageText('text', message.message.content as unknown as Record<string, unknown>),
        },
      ],
      continueUrl,
    },
    unsubscribeUrl,
  );
  await enqueueEmail(tx.trx, {
    ...rendered,
    kind: VISITOR_REPLY,
    to: visitor.email,
    from: `${botName.replace(/["<>\r\n]/g, '')} <${replyAddress}>`,
    headers: {
      'Reply-To': replyAddress,
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    workspaceId: conversation.workspace_id,
    conversationId: conversation.id,
    idempotencyKey: `${VISITOR_REPLY}:${conversation.id}:${message.message.seq}`,
    now,
    notBefore,
    render: { props, unsubscribeUrl },
  });
}

/**
 * An email to the visitor that must follow their reply email (the rating request after the agent's answer): while a
 * reply email of the conversation is still to go, it waits until just after that one's time (null: nothing ahead).
 */
export async function behindReplyEmail(db: Kysely<Database>, row: OutboxRow, now: Date): Promise<BeforeSend | null> {
  if (!row.conversation_id) return null;
  const ahead = await emailDb(db)
    .selectFrom('email_outbox')
    .select('next_attempt_at')
    .where('conversation_id', '=', row.conversation_id)
    .where('kind', '=', VISITOR_REPLY)
    .where('status', 'in', ['pending', 'sending'])
    .orderBy('next_attempt_at', 'desc')
    .executeTakeFirst();
  if (!ahead) return null;
  return { action: 'wait', until: new Date(Math.max(ahead.next_attempt_at.getTime(), now.getTime()) + 1000) };
}

/** The contact form: the visitor asked to be answered by email, so replies go by email even while connected. */
export async function preferEmail(trx: Kysely<Database>, conversationId: string) {
  await continuityDb(trx)
    .insertInto('conversation_email_replies')
    .values({ conversation_id: conversationId, prefer_email: true })
    .onConflict((oc) => oc.column('conversation_id').doUpdateSet({ prefer_email: true, updated_at: new Date() }))
    .execute();
}

/**
 * How agent replies reach the visitor, by the rules that send them (queueVisitorReply, prepareVisitorReply): by
 * email when the visitor asked for it or is not in the chat, if they gave an email that did not unsubscribe.
 */
export async function replyReach(
  db: Kysely<Database>,
  conversation: { id: string },
  visitor: { email: string | null },
  inChat: boolean,
): Promise<'chat' | 'email' | 'later'> {
  const state = await continuityDb(db)
    .selectFrom('conversation_email_replies')
    .select('prefer_email')
    .where('conversation_id', '=', conversation.id)
    .executeTakeFirst();
  if (inChat && !state?.prefer_email) return 'chat';
  if (visitor.email && !(await isUnsubscribed(db, visitor.email, VISITOR_REPLY))) return 'email';
  return inChat ? 'chat' : 'later';
}

/**
 * Just before the first attempt of a burst email: cancelled when the visitor is in the widget (they read
 * the replies live) unless they asked for email, or when nothing is left to send; otherwise rendered with
 * every agent message since the last email, which is then recorded as emailed.
 */
export async function prepareVisitorReply(
  db: Kysely<Database>,
  row: OutboxRow,
  visitorStaleMs: number,
): Promise<BeforeSend> {
  const props = row.render?.props as BurstProps | undefined;
  if (!row.conversation_id || !props || !row.render) return { action: 'send' };
  const conversation = await db
    .selectFrom('conversations as c')
    .innerJoin('bots as b', 'b.id', 'c.bot_id')
    .select(['c.id', 'c.visitor_id', 'b.name as bot_name'])
    .where('c.id', '=', row.conversation_id)
    .executeTakeFirst();
  if (!conversation) return { action: 'cancel', reason: 'conversation deleted' };
  const state = await continuityDb(db)
    .selectFrom('conversation_email_replies')
    .select(['prefer_email', 'last_emailed_seq'])
    .where('conversation_id', '=', conversation.id)
    .executeTakeFirst();
  if (!state?.prefer_email && (await isVisitorConnected(db, conversation.visitor_id, visitorStaleMs))) {
    return { action: 'cancel', reason: 'visitor in the widget' };
  }
  const afterSeq = Math.max(props.afterSeq, state?.last_emailed_seq ?? 0);
  const rows = await db
    .selectFrom('messages')
    .select(['seq', 'author_name', 'type', 'payload'])
    .where('conversation_id', '=', conversation.id)
    .where('author_kind', '=', 'agent')
    .where('internal', '=', false)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(50)
    .execute();
  const messages = rows
    .map((m) => ({ author: m.author_name ?? conversation.bot_name, text: messageText(m.type, m.payload) }))
    .filter((m) => m.text.trim() !== '');
  const last = rows.at(-1);
  if (!last || messages.length === 0) return { action: 'cancel', reason: 'already emailed' };
  await continuityDb(db)
    .insertInto('conversation_email_replies')
    .values({ conversation_id: conversation.id, last_emailed_seq: last.seq })
    .onConflict((oc) =>
      oc.column('conversation_id').doUpdateSet({ last_emailed_seq: last.seq, updated_at: new Date() }),
    )
    .execute();
  const email = await renderEmail(
    VISITOR_REPLY,
    { botName: conversation.bot_name, agentName: messages[0]!.author, messages, continueUrl: props.continueUrl },
    row.render.unsubscribeUrl,
  );
  return { action: 'send', email };
}
