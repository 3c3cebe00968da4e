import type { KnowledgeRefresh } from '@flowdesk/contract';
import type { KnowledgeSourceRow } from './tables';

const DAY_MS = 24 * 60 * 60 * 1000;
const intervalMs: Record<KnowledgeRefresh, number | null> = { never: null, daily: DAY_MS, weekly: 7 * DAY_MS };

interface SourceConfig {
  url?: string | null;
  refresh?: KnowledgeRefresh;
}

const configOf = (row: KnowledgeSourceRow): SourceConfig =>
  row.config && typeof row.config === 'object' ? (row.config as SourceConfig) : {};

/** The schedule a source asked for; only web sources are fetched again on their own. */
export function refreshOf(row: KnowledgeSourceRow): KnowledgeRefresh {
  const refresh = configOf(row).refresh;
  return row.kind === 'web' && refresh && refresh in intervalMs ? refresh : 'never';
}

export function sourceUrl(row: KnowledgeSourceRow): string | null {
  const url = configOf(row).url;
  return typeof url === 'string' ? url : null;
}

/**
 * When the next scheduled refresh is due: one interval after the last try, indexed or failed (so a site that is
 * down is tried again next period rather than in a loop). Null while indexing or not scheduled.
 */
export function nextRefreshAt(row: KnowledgeSourceRow): Date | null {
  const interval = intervalMs[refreshOf(row)];
  if (interval === null || row.status === 'indexing' || row.status === 'pending') return null;
  // updated_at is the end of the last try: written with indexed_at on success, with the failures otherwise.
  return new Date(new Date(row.updated_at).getTime() + interval);
}

/** The refresh intervals that schedule work, for the scheduler's query. */
export const scheduledRefreshes = (['daily', 'weekly'] as const).map((refresh) => ({
  refresh,
  ms: intervalMs[refresh] as number,
}));
