import type { KnowledgeRefresh, KnowledgeSource, KnowledgeSourceKind } from '@flowdesk/contract';
import { formatDateTime } from '../ui/format';

/** How often the page asks again while a source is being indexed. */
export const POLL_MS = 1000;

export const KIND_LABELS: Record<KnowledgeSourceKind, string> = {
  web: 'Website',
  file: 'File',
  qa: 'Q&A',
  text: 'Text',
};

export const REFRESH_LABELS: Record<KnowledgeRefresh, string> = {
  never: 'Never',
  daily: 'Every day',
  weekly: 'Every week',
};

/** Still to be read: the page keeps polling while any source is. */
export const isBusy = (source: Pick<KnowledgeSource, 'status'>) =>
  source.status === 'pending' || source.status === 'indexing';

export const anyBusy = (sources: Pick<KnowledgeSource, 'status'>[]) => sources.some(isBusy);

/** The source replaced in place when listed, else last (a new one; the server lists the oldest first). */
export function upsertSource(sources: KnowledgeSource[], source: KnowledgeSource): KnowledgeSource[] {
  const at = sources.findIndex((s) => s.id === source.id);
  if (at === -1) return [...sources, source];
  return sources.map((s, i) => (i === at ? source : s));
}

/** Whole percent done, 0–100; nothing known yet (total 0) is 0. */
export function progressPercent(progress: KnowledgeSource['progress']): number {
  if (progress.total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((progress.done / progress.total) * 100)));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the admin reads next to the status badge. */
export function statusText(source: Pick<KnowledgeSource, 'status' | 'progress' | 'kind' | 'failures'>): string {
  const { done, total } = source.progress;
  switch (source.status) {
    case 'pending':
      return 'Waiting to be indexed';
    case 'indexing':
      if (source.kind === 'web' && total > 0) return `Indexing: ${done} of ${plural(total, 'page')} read`;
      return 'Indexing…';
    case 'ready':
      return source.failures.length > 0
        ? `Ready, ${plural(source.failures.length, 'item')} could not be indexed`
        : 'Ready';
    case 'failed':
      return 'Failed: nothing could be indexed';
  }
}

export const STATUS_BADGE: Record<KnowledgeSource['status'], string> = {
  pending: 'badge',
  indexing: 'badge badge-warning',
  ready: 'badge badge-success',
  failed: 'badge badge-error',
};

export const STATUS_LABELS: Record<KnowledgeSource['status'], string> = {
  pending: 'Pending',
  indexing: 'Indexing',
  ready: 'Ready',
  failed: 'Failed',
};

/** "Never", or "Every day · next 6 Dec, 10:00" for a web source refreshed on a schedule. */
export function refreshText(source: Pick<KnowledgeSource, 'refresh' | 'nextRefreshAt'>): string {
  if (source.refresh === 'never') return REFRESH_LABELS.never;
  const next = source.nextRefreshAt ? ` · next ${formatDateTime(source.nextRefreshAt)}` : '';
  return `${REFRESH_LABELS[source.refresh]}${next}`;
}

export const chunkText = (count: number) => plural(count, 'passage');
