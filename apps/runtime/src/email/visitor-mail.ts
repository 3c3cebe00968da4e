import { TZDate } from '@date-fns/tz';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { effectiveOfficeHours } from '../office-hours/settings';
import { conversationFacts, type EmailContext, queueTemplate } from './compose';
import { messageText } from './message-text';
import { readNotificationSettings } from './notification-settings';
import type { EnqueueResult } from './outbox';

export interface FlowEmail {
  workspaceId: string;
  conversationId: string | null;
  to: string;
  subject: string;
  body: string;
  botName: string;
  /** Stable per flow step (e.g. `flow_email:<conversation>:<block>:<seq>`), so a replayed step sends once. */
  idempotencyKey: string;
}

/** The flow's Send email block. */
export function queueFlowEmail(trx: Kysely<Database>, ctx: EmailContext, email: FlowEmail): Promise<EnqueueResult> {
  return queueTemplate(
    trx,
    ctx,
    'flow_email',
    { subject: email.subject, body: email.body, botName: email.botName },
    { address: email.to, userId: null },
    { workspaceId: email.workspaceId, conversationId: email.conversationId, idempotencyKey: email.idempotencyKey },
  );
}

function clock(at: Date, timeZone: string): string {
  const local = new TZDate(at.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${pad(local.getHours())}:${pad(local.getMinutes())}`;
}

/**
 * On resolve, when the workspace turned transcripts on and the visitor's email is known: a copy of
 * everything the visitor could see (never internal notes), times in the workspace's time zone.
 */
export async function queueTranscript(
  trx: Kysely<Database>,
  ctx: EmailContext,
  conversationId: string,
): Promise<EnqueueResult | null> {
  const facts = await conversationFacts(trx, conversationId, ctx.publicUrl);
  if (!facts?.visitorEmail) return null;
  if (!(await readNotificationSettings(trx, facts.workspaceId)).transcriptOnResolve) return null;
  const timeZone = (await effectiveOfficeHours(trx, facts.workspaceId, null)).schedule?.timezone ?? 'UTC';
  const rows = await trx
    .selectFrom('messages')
    .select(['seq', 'author_kind', 'author_name', 'type', 'payload', 'created_at'])
    .where('conversation_id', '=', conversationId)
    .where('internal', '=', false)
    .where('type', 'not in', ['note', 'event'])
    .orderBy('seq')
    .limit(2000)
    .execute();
  const lastSeq = rows.at(-1)?.seq ?? 0;
  const authorOf = (kind: string, name: string | null) =>
    kind === 'visitor' ? 'You' : (name ?? (kind === 'bot' ? facts.botName : 'Support'));
  const lines = rows
    .map((row) => ({
      author: authorOf(row.author_kind, row.author_name),
      text: messageText(row.type, row.payload),
      at: clock(row.created_at, timeZone),
    }))
    .filter((line) => line.text.trim() !== '');
  const visitorName = facts.visitorName === facts.visitorEmail ? 'there' : facts.visitorName;
  return queueTemplate(
    trx,
    ctx,
    'transcript',
    { botName: facts.botName, visitorName, lines },
    { address: facts.visitorEmail, userId: null },
    { workspaceId: facts.workspaceId, conversationId, idempotencyKey: `transcript:${conversationId}:${lastSeq}` },
  );
}
