import type { Message } from '@flowdesk/contract';
import { describe, expect, it } from 'vitest';
import type { TranscriptMessage } from '../inbox-api';
import { isInternal, mergeMessages } from './transcript-merge';

const msg = (seq: number, content: Message['content'] = { type: 'text', text: `m${seq}` }): TranscriptMessage => ({
  id: `id${seq}`,
  conversationId: 'c',
  seq,
  author: 'visitor',
  authorName: null,
  clientId: null,
  content,
  createdAt: '2026-01-01T00:00:00Z',
  internal: false,
});

describe('mergeMessages', () => {
  it('adds new messages in seq order and ignores ones already shown', () => {
    const current = [msg(1), msg(2), msg(4)];
    expect(mergeMessages(current, [msg(3), msg(2), msg(5)]).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
  });
  it('returns the same array when nothing is new (no re-render)', () => {
    const current = [msg(1), msg(2)];
    expect(mergeMessages(current, [msg(2)])).toBe(current);
  });
});

describe('isInternal', () => {
  it('marks notes and triage events as agents-only, not what the visitor also sees', () => {
    expect(isInternal(msg(1, { type: 'note', text: 'x', mentions: [] }))).toBe(true);
    expect(isInternal(msg(1, { type: 'event', kind: 'assigned', text: 'Assigned' }))).toBe(true);
    expect(isInternal(msg(1, { type: 'event', kind: 'agent_joined', text: 'Sam joined' }))).toBe(false);
    expect(isInternal(msg(1))).toBe(false);
  });
});
