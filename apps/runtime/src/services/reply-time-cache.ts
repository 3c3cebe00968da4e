import type { Conversation } from '../db/schema';

/** How long reply-time words are reused; they summarize a week of first responses, so seconds are invisible. */
export const REPLY_TIME_TTL_MS = 10_000;
const MAX_ENTRIES = 1000;

type ReplyTimeLookup = (conversation: Pick<Conversation, 'workspace_id' | 'team_id'>) => Promise<string | null>;

/**
 * The reply-time words by workspace and team, kept for a few seconds: every visitor message shows them,
 * and reading them costs two queries (office hours, last week's first responses). Failures are not kept.
 */
export function cacheReplyTime(lookup: ReplyTimeLookup, ttlMs = REPLY_TIME_TTL_MS): ReplyTimeLookup {
  const entries = new Map<string, { words: Promise<string | null>; until: number }>();
  return (conversation) => {
    const key = `${conversation.workspace_id}:${conversation.team_id ?? ''}`;
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && hit.until > now) return hit.words;
    if (entries.size >= MAX_ENTRIES) entries.clear();
    const words = lookup(conversation);
    entries.set(key, { words, until: now + ttlMs });
    words.catch(() => entries.delete(key));
    return words;
  };
}
