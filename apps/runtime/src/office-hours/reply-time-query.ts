import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { type ReplyTimeBucket, replyTimeBucket } from './reply-time';
import { effectiveOfficeHours } from './settings';

const WINDOW_MS = 7 * 86_400_000;

export interface ReplyTimeScope {
  workspaceId: string;
  /** Only conversations handed to this team; null for the whole workspace. */
  teamId: string | null;
  now: Date;
}

/** First-response times (ms) of human replies to handoffs (not takeovers) in the 7 days before `now`. */
export async function firstResponseDurations(db: Kysely<Database>, scope: ReplyTimeScope): Promise<number[]> {
  let query = db
    .selectFrom('conversations')
    .select(sql<number>`(extract(epoch from (first_response_at - handed_off_at)) * 1000)::float8`.as('ms'))
    .where('workspace_id', '=', scope.workspaceId)
    .where('handed_off_at', '>=', new Date(scope.now.getTime() - WINDOW_MS))
    .where('handed_off_at', '<=', scope.now)
    .where('first_response_at', 'is not', null)
    .where('first_response_at', '>=', sql<Date>`handed_off_at`)
    // A takeover's agent was there before the wait began: their reply says nothing about the queue.
    .where(sql<boolean>`handoff_reason is distinct from 'takeover'`);
  if (scope.teamId) query = query.where('team_id', '=', scope.teamId);
  const rows = await query.execute();
  return rows.map((row) => Number(row.ms));
}

/** The words shown to visitors: the manual bucket, or the last week's median (team, then workspace, then fallback). */
export async function replyTimeWords(db: Kysely<Database>, scope: ReplyTimeScope): Promise<ReplyTimeBucket> {
  const { replyTime } = await effectiveOfficeHours(db, scope.workspaceId, scope.teamId);
  if (replyTime.mode === 'manual') return replyTime.bucket;
  const team = scope.teamId ? replyTimeBucket(await firstResponseDurations(db, scope)) : null;
  if (team) return team;
  const workspace = replyTimeBucket(await firstResponseDurations(db, { ...scope, teamId: null }));
  return workspace ?? replyTime.fallback;
}
