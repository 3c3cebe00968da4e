import type { AuditEntry } from '@flowdesk/contract';
import { describe, expect, it } from 'vitest';
import { newEntries, olderCursor } from './older-page';

const entry = (id: string, createdAt: string): AuditEntry => ({
  id,
  action: 'teams.create',
  targetType: 'teams',
  targetId: null,
  actor: { id: 'u1', name: 'Ada', email: 'ada@example.com' },
  data: { status: 201 },
  createdAt,
});

describe('paging the audit log', () => {
  it('asks from one millisecond after the last entry so its millisecond is not skipped', () => {
    expect(olderCursor(entry('a', '2026-11-25T10:00:00.123Z'))).toBe('2026-11-25T10:00:00.124Z');
    expect(olderCursor(entry('a', '2026-12-31T23:59:59.999Z'))).toBe('2027-01-01T00:00:00.000Z');
  });

  it('keeps only the entries not shown yet, in order', () => {
    const shown = [entry('c', '2026-11-25T10:00:00.124Z'), entry('b', '2026-11-25T10:00:00.123Z')];
    const page = [
      entry('b', '2026-11-25T10:00:00.123Z'),
      entry('x', '2026-11-25T10:00:00.123Z'),
      entry('a', '2026-11-25T09:00:00.000Z'),
    ];
    expect(newEntries(shown, page).map((e) => e.id)).toEqual(['x', 'a']);
    expect(newEntries(shown, [])).toEqual([]);
  });
});
