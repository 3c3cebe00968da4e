import { describe, expect, it } from 'vitest';
import { titleWithUnread } from '../app/tab-badge';
import { alertText, quoteMessage } from './alerts';
import { humanKey } from './conversation/VariableList';
import type { InboxRow } from './inbox-api';
import { keepOpenRow } from './list/keep-open';
import { stepThrough } from './shortcuts';

const row = (id: string, extra: Partial<InboxRow> = {}): InboxRow =>
  ({
    id,
    status: 'needs_agent',
    assignee: null,
    lastSeq: 3,
    unread: 1,
    waitingSince: '2026-12-05T06:00:00.000Z',
    followUp: { reason: 'no_agent_online', since: '2026-12-05T06:00:00.000Z', replyDueAt: '2026-12-05T12:00:00.000Z' },
    ...extra,
  }) as InboxRow;

describe('desktop notification text', () => {
  it('names the visitor and quotes their message, cut to one short line', () => {
    expect(alertText('handoff', 'Jane Doe', 'My order\nnever arrived')).toEqual({
      title: 'Jane Doe needs an agent',
      body: '“My order never arrived”',
    });
    expect(alertText('message', 'Visitor 1A2B', null)).toEqual({
      title: 'New message from Visitor 1A2B',
      body: 'Open the inbox to reply.',
    });
    const long = quoteMessage('x'.repeat(500));
    expect(long.length).toBe(122);
    expect(long.endsWith('…”')).toBe(true);
    // Markup stays text: the notification shows exactly what the visitor typed.
    expect(alertText('message', '<b>Eve</b>', '<img src=x onerror=alert(1)>').body).toBe(
      '“<img src=x onerror=alert(1)>”',
    );
  });
});

describe('tab title', () => {
  it('shows the unread count first, nothing when there is none', () => {
    expect(titleWithUnread('Conversations · Flowdesk', 3)).toBe('(3) Conversations · Flowdesk');
    expect(titleWithUnread('Conversations · Flowdesk', 0)).toBe('Conversations · Flowdesk');
    expect(titleWithUnread('Flows · Flowdesk', 250)).toBe('(99+) Flows · Flowdesk');
  });
});

describe('j / k through the list', () => {
  it('moves one step, stays at the ends, starts at the first or last when none is open', () => {
    const order = ['a', 'b', 'c'];
    expect(stepThrough(order, 'a', 1)).toBe('b');
    expect(stepThrough(order, 'c', 1)).toBe('c');
    expect(stepThrough(order, 'a', -1)).toBe('a');
    expect(stepThrough(order, null, 1)).toBe('a');
    expect(stepThrough(order, null, -1)).toBe('c');
    expect(stepThrough([], null, 1)).toBeNull();
  });
});

describe('the open conversation stays in the list until the agent moves on', () => {
  const me = { id: 'me', name: 'Sam Agent' };
  it('keeps it at its place with its live status after it left the filter', () => {
    const first = keepOpenRow([row('a'), row('b'), row('c')], 'b', null, () => undefined, me);
    expect(first.open?.index).toBe(1);
    const known = { status: 'agent' as const, lastSeq: 4, assigneeId: 'me' };
    const after = keepOpenRow([row('a'), row('c')], 'b', first.open, () => known, me);
    expect(after.rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(after.rows[1]).toMatchObject({ status: 'agent', assignee: me, waitingSince: null, followUp: null });
  });
  it('lets it go once another conversation is open', () => {
    const first = keepOpenRow([row('a'), row('b')], 'b', null, () => undefined, me);
    expect(keepOpenRow([row('a')], 'a', first.open, () => undefined, me).rows.map((r) => r.id)).toEqual(['a']);
    expect(keepOpenRow([row('a')], 'b', null, () => undefined, me).rows.map((r) => r.id)).toEqual(['a']);
  });
});

describe('variable names for people', () => {
  it('reads snake_case, camelCase and dotted names as words', () => {
    expect(humanKey('order_id')).toBe('Order id');
    expect(humanKey('firstName')).toBe('First name');
    expect(humanKey('contact.email')).toBe('Contact email');
  });
});
