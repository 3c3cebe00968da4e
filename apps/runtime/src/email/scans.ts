import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { conversationFacts, type EmailContext, queueForUser } from './compose';
import { messageText } from './message-text';
import { type NotificationSettings, readNotificationSettings } from './notification-settings';
import { escalationRecipients, unseenRecipients } from './recipients';

/**
 * Time-based notifications, run periodically by the email loop. Both are idempotent per message or per
 * handoff, so running them every few seconds (from several instances) queues each email once.
 */

const MINUTE = 60_000;
/** Older waits are not dug up (e.g. after a long outage). */
const LOOKBACK_MS = 24 * 60 * MINUTE;

function settingsCache(db: Kysely<Database>) {
  const cache = new Map<string, Promise<NotificationSettings>>();
  return (workspaceId: string) => {
    let settings = cache.get(workspaceId);
    if (!settings) {
      settings = readNotificationSettings(db, workspaceId);
      cache.set(workspaceId, settings);
    }
    return settings;
  };
}

interface UnseenRow {
  conversation_id: string;
  workspace_id: string;
  assignee_id: string;
  message_id: string;
  created_at: Date;
  type: string;
  payload: Record<string, unknown>;
}

/** Emails the assignee about the latest visitor message nobody has answered, and they have not read, for N minutes. */
export async function scanUnseenMessages(db: Kysely<Database>, ctx: EmailContext): Promise<number> {
  const now = ctx.now ?? new Date();
  const { rows } = await sql<UnseenRow>`
    select c.id as conversation_id, c.workspace_id, c.assignee_id,
           m.id as message_id, m.created_at, m.type, m.payload
    from conversations c
    join lateral (
      select id, seq, created_at, type, payload from messages
      where conversation_id = c.id and author_kind = 'visitor'
      order by seq desc limit 1
    ) m on true
    where c.status in ('agent', 'needs_agent') and c.assignee_id is not null
      and m.created_at <= ${new Date(now.getTime() - MINUTE)}
      and m.created_at > ${new Date(now.getTime() - LOOKBACK_MS)}
      and not exists (
        select 1 from messages a
        where a.conversation_id = c.id and a.seq > m.seq and a.author_kind = 'agent' and a.internal = false
      )
      and not exists (
        select 1 from conversation_reads r
        where r.conversation_id = c.id and r.user_id = c.assignee_id and r.last_read_seq >= m.seq
      )`.execute(db);
  const settingsOf = settingsCache(db);
  let queued = 0;
  for (const row of rows) {
    const waitedMs = now.getTime() - new Date(row.created_at).getTime();
    if (waitedMs < (await settingsOf(row.workspace_id)).unseenAfterMinutes * MINUTE) continue;
    const [user] = await unseenRecipients(db, row.workspace_id, row.assignee_id);
    const facts = user && (await conversationFacts(db, row.conversation_id, ctx.publicUrl));
    if (!user || !facts) continue;
    const props = {
      ...facts,
      messageText: messageText(row.type, row.payload),
      minutesWaiting: Math.floor(waitedMs / MINUTE),
    };
    const result = await queueForUser(db, ctx, 'unseen_message', props, user, facts, {
      idempotencyKey: `unseen_message:${row.message_id}:${user.id}`,
    });
    if (result.status === 'queued') queued++;
  }
  return queued;
}

/**
 * Escalates to admins every handoff waiting for a first human reply longer than the workspace's SLA,
 * and at once an urgent one waiting for follow-up: nobody is there to meet the SLA.
 */
export async function scanSlaEscalations(db: Kysely<Database>, ctx: EmailContext): Promise<number> {
  const now = ctx.now ?? new Date();
  const waiting = await db
    .selectFrom('conversations')
    .select(['id', 'workspace_id', 'handed_off_at', 'priority', 'follow_up_since'])
    .where('status', 'in', ['needs_agent', 'agent'])
    .where('first_response_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('handed_off_at', '<=', new Date(now.getTime() - MINUTE)),
        eb.and([eb('priority', '=', 'urgent'), eb('follow_up_since', 'is not', null)]),
      ]),
    )
    .where('handed_off_at', '>', new Date(now.getTime() - LOOKBACK_MS))
    .execute();
  const settingsOf = settingsCache(db);
  let queued = 0;
  for (const row of waiting) {
    const handedOffAt = row.handed_off_at!;
    const settings = await settingsOf(row.workspace_id);
    const waitedMs = Math.max(0, now.getTime() - handedOffAt.getTime());
    const urgentFollowUp = row.priority === 'urgent' && row.follow_up_since !== null;
    if (waitedMs < settings.slaMinutes * MINUTE && !urgentFollowUp) continue;
    const facts = await conversationFacts(db, row.id, ctx.publicUrl);
    if (!facts) continue;
    const props = {
      ...facts,
      waitingMinutes: Math.floor(waitedMs / MINUTE),
      slaMinutes: settings.slaMinutes,
      urgentFollowUp,
    };
    for (const admin of await escalationRecipients(db, row.workspace_id)) {
      const result = await queueForUser(db, ctx, 'sla_escalation', props, admin, facts, {
        idempotencyKey: `sla_escalation:${row.id}:${handedOffAt.getTime()}:${admin.id}`,
      });
      if (result.status === 'queued') queued++;
    }
  }
  return queued;
}
