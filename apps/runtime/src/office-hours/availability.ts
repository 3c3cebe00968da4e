import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { FollowUpMark } from '../services/follow-up';
import { promisedReplyBy } from './follow-up-mark';
import { type HandoffOutcome, handoffOutcome, type OfflineWhen } from './handoff-outcome';
import { describe, isOpen } from './office-hours';
import type { ReplyTimeBucket } from './reply-time';
import { replyTimeWords } from './reply-time-query';
import { effectiveOfficeHours } from './settings';

export interface AvailabilityScope {
  workspaceId: string;
  /** The team a handoff targets; null for the whole workspace. */
  teamId: string | null;
  now: Date;
}

/** Agents of the team (or of the workspace) whose presence is online. */
export async function countOnlineAgents(db: Kysely<Database>, scope: AvailabilityScope): Promise<number> {
  let query = db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('users.workspace_id', '=', scope.workspaceId)
    .where('users.presence', '=', 'online');
  if (scope.teamId) {
    query = query
      .innerJoin('team_members', 'team_members.user_id', 'users.id')
      .where('team_members.team_id', '=', scope.teamId);
  }
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface HandoffDecision {
  outcome: HandoffOutcome;
  /** Words for the visitor ("a few minutes"), shown when the handoff goes through. */
  replyTime: ReplyTimeBucket;
  /** "Opens Monday at 09:00" etc., for the offline message. */
  hours: string;
  /** For `offline`: why nobody can take it and the reply promised; the conversation waits for follow-up. */
  followUp?: FollowUpMark;
}

/**
 * What the engine's handoff effect asks: does this handoff reach a human now, or take the offline
 * branch? The block may override the workspace/team `offlineWhen` rule.
 */
export async function decideHandoff(
  db: Kysely<Database>,
  scope: AvailabilityScope & { offlineWhen?: OfflineWhen },
): Promise<HandoffDecision> {
  const settings = await effectiveOfficeHours(db, scope.workspaceId, scope.teamId);
  const onlineAgents = await countOnlineAgents(db, scope);
  const outcome = handoffOutcome({
    schedule: settings.schedule,
    offlineWhen: scope.offlineWhen ?? settings.offlineWhen,
    onlineAgents,
    now: scope.now,
  });
  const replyTime = await replyTimeWords(db, scope);
  const closed = settings.schedule !== null && !isOpen(settings.schedule, scope.now);
  return {
    outcome,
    replyTime,
    hours: settings.schedule ? describe(settings.schedule, scope.now) : 'Open now',
    ...(outcome === 'offline'
      ? {
          followUp: {
            reason: closed ? 'outside_hours' : 'no_agent_online',
            replyDueAt: promisedReplyBy(settings.schedule, replyTime, scope.now),
          },
        }
      : {}),
  };
}

/** For the widget header and WidgetSettings: open now, reply-time words and the hours line. */
export async function widgetAvailability(db: Kysely<Database>, scope: AvailabilityScope) {
  const settings = await effectiveOfficeHours(db, scope.workspaceId, scope.teamId);
  const open = settings.schedule ? isOpen(settings.schedule, scope.now) : true;
  const online = open && (!settings.offlineWhen.noAgentOnline || (await countOnlineAgents(db, scope)) > 0);
  return {
    online,
    replyTime: await replyTimeWords(db, scope),
    hours: settings.schedule ? describe(settings.schedule, scope.now) : 'Open now',
  };
}
