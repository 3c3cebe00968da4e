import type { KnowledgeSource } from '@flowdesk/contract';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../ui/format';
import { anyBusy, progressPercent, refreshText, statusText, upsertSource } from './source-view';

const source = (over: Partial<KnowledgeSource> = {}): KnowledgeSource => ({
  id: 's1',
  kind: 'web',
  title: 'Help',
  url: 'https://help.example',
  refresh: 'never',
  nextRefreshAt: null,
  status: 'ready',
  progress: { done: 0, total: 0 },
  failures: [],
  chunkCount: 0,
  indexedAt: null,
  createdAt: '2026-12-05T10:00:00.000Z',
  ...over,
});

describe('knowledge source view', () => {
  it('polls while any source is pending or indexing, and stops when all are settled', () => {
    expect(anyBusy([source(), source({ status: 'pending' })])).toBe(true);
    expect(anyBusy([source({ status: 'indexing' })])).toBe(true);
    expect(anyBusy([source(), source({ status: 'failed' })])).toBe(false);
    expect(anyBusy([])).toBe(false);
  });

  it('replaces a known source in place and puts a new one last, as the server lists them', () => {
    const list = [source({ id: 'a' }), source({ id: 'b' })];
    const updated = upsertSource(list, source({ id: 'b', status: 'indexing' }));
    expect(updated.map((s) => [s.id, s.status])).toEqual([
      ['a', 'ready'],
      ['b', 'indexing'],
    ]);
    expect(upsertSource(list, source({ id: 'c' })).map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(list[1]?.status).toBe('ready');
  });

  it('gives whole percents, 0 while the total is unknown, never past 100', () => {
    expect(progressPercent({ done: 0, total: 0 })).toBe(0);
    expect(progressPercent({ done: 1, total: 3 })).toBe(33);
    expect(progressPercent({ done: 5, total: 4 })).toBe(100);
  });

  it('says how far indexing is and what failed', () => {
    expect(statusText(source({ status: 'pending' }))).toBe('Waiting to be indexed');
    expect(statusText(source({ status: 'indexing', progress: { done: 2, total: 5 } }))).toBe(
      'Indexing: 2 of 5 pages read',
    );
    expect(statusText(source({ status: 'indexing', progress: { done: 0, total: 1 } }))).toBe(
      'Indexing: 0 of 1 page read',
    );
    expect(statusText(source({ kind: 'file', status: 'indexing', progress: { done: 0, total: 1 } }))).toBe('Indexing…');
    expect(statusText(source())).toBe('Ready');
    expect(statusText(source({ failures: [{ item: 'https://help.example/x', reason: 'HTTP 404' }] }))).toBe(
      'Ready, 1 item could not be indexed',
    );
    expect(statusText(source({ status: 'failed' }))).toBe('Failed: nothing could be indexed');
  });

  it('names the refresh schedule and when the next one is due', () => {
    expect(refreshText(source())).toBe('Never');
    expect(refreshText(source({ refresh: 'weekly', nextRefreshAt: null }))).toBe('Every week');
    const at = '2026-12-06T10:00:00.000Z';
    expect(refreshText(source({ refresh: 'daily', nextRefreshAt: at }))).toBe(`Every day · next ${formatDateTime(at)}`);
  });
});
