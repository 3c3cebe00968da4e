import type { Kysely } from 'kysely';
import type { Database, JsonObject } from '../db/schema';
import { type EnqueueResult, enqueueEmail } from './outbox';
import { emailDb } from './tables';
import { type EmailKind, renderEmail, type TemplateProps } from './templates';
import type { ConversationCardProps } from './templates/conversation-card';
import { signUnsubscribeToken, unsubscribeSecret } from './unsubscribe-token';

/** Where the email routes are mounted; links in emails point here. */
export const EMAIL_API_PREFIX = '/api/email';

export interface EmailContext {
  /** The product's public address (config PUBLIC_URL), for deep links and unsubscribe links. */
  publicUrl: string;
  now?: Date;
}

export const conversationUrl = (publicUrl: string, conversationId: string) =>
  `${publicUrl.replace(/\/+$/, '')}/app/inbox/${encodeURIComponent(conversationId)}`;

export interface ConversationFacts extends ConversationCardProps {
  id: string;
  workspaceId: string;
  teamId: string | null;
  teamName: string | null;
  assigneeId: string | null;
  status: string;
  visitorEmail: string | null;
  botName: string;
  handedOffAt: Date | null;
  /** Waiting for follow-up (nobody was available): why, and the reply promised (ISO). */
  followUp: { reason: string; replyDueAt: string | null } | null;
}

/** What emails about a conversation show: visitor, summary, priority, team, deep link. */
export async function conversationFacts(
  db: Kysely<Database>,
  conversationId: string,
  publicUrl: string,
): Promise<ConversationFacts | null> {
  const row = await db
    .selectFrom('conversations as c')
    .innerJoin('visitors as v', 'v.id', 'c.visitor_id')
    .innerJoin('bots as b', 'b.id', 'c.bot_id')
    .leftJoin('teams as t', 't.id', 'c.team_id')
    .select([
      'c.id',
      'c.workspace_id',
      'c.team_id',
      'c.assignee_id',
      'c.status',
      'c.summary',
      'c.priority',
      'c.priority_reason',
      'c.handed_off_at',
      'c.follow_up_reason',
      'c.reply_due_at',
      'v.name as visitor_name',
      'v.email as visitor_email',
      'b.name as bot_name',
      't.name as team_name',
    ])
    .where('c.id', '=', conversationId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    teamId: row.team_id,
    teamName: row.team_name,
    assigneeId: row.assignee_id,
    status: row.status,
    visitorName: row.visitor_name ?? row.visitor_email ?? 'A visitor',
    visitorEmail: row.visitor_email,
    summary: row.summary,
    priority: row.priority,
    priorityReason: row.priority_reason,
    conversationUrl: conversationUrl(publicUrl, row.id),
    botName: row.bot_name,
    handedOffAt: row.handed_off_at,
    followUp: row.follow_up_reason
      ? { reason: row.follow_up_reason, replyDueAt: row.reply_due_at?.toISOString() ?? null }
      : null,
  };
}

export interface Recipient {
  address: string;
  userId: string | null;
}

export interface QueueOptions {
  workspaceId: string | null;
  conversationId?: string | null;
  idempotencyKey?: string;
  throttle?: { key: string; intervalMs: number };
}

/**
 * Handoff alerts are queued in the handoff transaction, before the AI summary and priority exist: the
 * worker renders them again at send time (and waits a little for the summary, see `refresh.ts`).
 */
const RENDERED_AGAIN: ReadonlySet<EmailKind> = new Set<EmailKind>([
  'needs_attention',
  'assigned_to_you',
  'assigned_to_team',
]);

const jsonProps = (props: object): JsonObject => JSON.parse(JSON.stringify(props)) as JsonObject;

async function alreadyQueued(db: Kysely<Database>, key: string): Promise<boolean> {
  const row = await emailDb(db)
    .selectFrom('email_outbox')
    .select('id')
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return row !== undefined;
}

/** Renders one email for one recipient with its own unsubscribe link and puts it in the outbox. */
export async function queueTemplate<K extends EmailKind>(
  trx: Kysely<Database>,
  ctx: EmailContext,
  kind: K,
  props: TemplateProps[K],
  recipient: Recipient,
  options: QueueOptions,
): Promise<EnqueueResult> {
  if (options.idempotencyKey && (await alreadyQueued(trx, options.idempotencyKey))) {
    return { status: 'duplicate', id: null };
  }
  const token = signUnsubscribeToken(await unsubscribeSecret(trx), {
    address: recipient.address.toLowerCase(),
    userId: recipient.userId,
    kind,
  });
  const unsubscribeUrl = `${ctx.publicUrl.replace(/\/+$/, '')}${EMAIL_API_PREFIX}/unsubscribe?token=${token}`;
  const rendered = await renderEmail(kind, props, unsubscribeUrl);
  const render =
    options.conversationId && RENDERED_AGAIN.has(kind) ? { props: jsonProps(props), unsubscribeUrl } : undefined;
  return enqueueEmail(trx, {
    ...rendered,
    kind,
    to: recipient.address,
    headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    workspaceId: options.workspaceId,
    recipientUserId: recipient.userId,
    conversationId: options.conversationId ?? null,
    idempotencyKey: options.idempotencyKey,
    throttle: options.throttle,
    now: ctx.now,
    render,
  });
}

/** One agent notification about a conversation, to a user of the workspace. */
export function queueForUser<K extends EmailKind>(
  trx: Kysely<Database>,
  ctx: EmailContext,
  kind: K,
  props: TemplateProps[K],
  user: { id: string; email: string },
  conversation: { id: string; workspaceId: string },
  dedupe: Pick<QueueOptions, 'idempotencyKey' | 'throttle'>,
): Promise<EnqueueResult> {
  return queueTemplate(
    trx,
    ctx,
    kind,
    props,
    { address: user.email, userId: user.id },
    { workspaceId: conversation.workspaceId, conversationId: conversation.id, ...dedupe },
  );
}
