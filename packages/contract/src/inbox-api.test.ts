import { describe, expect, test } from 'vitest';
import { NoContent, OkAnswer, responseMismatch } from './api-schema';
import { SessionUserAnswer } from './auth';
import { InboxList } from './inbox';
import { AssignInput, ConversationDetail, HandBackInput, NoteAnswer } from './inbox-conversation';
import { CannedInput, TeamInput, TeammatesAnswer } from './inbox-workspace';

const message = {
  id: 'm1',
  conversationId: 'c1',
  seq: 3,
  author: 'agent',
  authorName: 'Ada',
  authorAvatarUrl: null,
  clientId: null,
  content: { type: 'text', text: 'Hello <b>there</b>' },
  createdAt: '2026-12-05T10:00:00.000Z',
};

const row = {
  id: 'c1',
  status: 'needs_agent',
  priority: 'high',
  priorityReason: 'Refund over 500 EUR',
  summary: 'Wants a refund',
  summaryData: null,
  followUp: null,
  visitor: { name: null, email: 'visitor@example.com' },
  assignee: null,
  team: { id: 't1', name: 'Billing' },
  lastMessage: { author: 'visitor', authorName: null, text: 'Any news?', createdAt: '2026-12-05T10:01:00.000Z' },
  lastSeq: 3,
  unread: 1,
  waitingSince: '2026-12-05T10:00:30.000Z',
  resolvedAt: null,
  createdAt: '2026-12-05T09:59:00.000Z',
  updatedAt: '2026-12-05T10:01:00.000Z',
};
const counts = { needs_agent: 1, mine: 0, my_teams: 1, unassigned: 1, all: 1, resolved: 4 };

const detail = {
  conversation: {
    id: row.id,
    status: row.status,
    priority: row.priority,
    priorityReason: row.priorityReason,
    summary: row.summary,
    summaryData: row.summaryData,
    followUp: row.followUp,
    lastSeq: row.lastSeq,
    unread: row.unread,
    team: row.team,
    resolvedAt: row.resolvedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    working: false,
    assignee: { id: 'u1', name: 'Ada', avatarUrl: null, presence: 'online' },
    bot: { id: 'b1', name: 'Support bot' },
    variables: { plan: 'pro', seats: 3 },
    handedOffAt: '2026-12-05T10:00:30.000Z',
    firstResponseAt: null,
    rating: {
      scale: 'stars',
      score: 4,
      satisfied: true,
      comment: null,
      source: 'widget',
      ratedAt: '2026-12-05T10:05:00.000Z',
      resolvedAt: '2026-12-05T10:04:00.000Z',
    },
  },
  visitor: {
    id: 'v1',
    name: null,
    email: 'visitor@example.com',
    pageUrl: 'https://shop.example/cart',
    userAgent: 'Mozilla/5.0',
    locale: 'fr-FR',
    variables: {},
    firstSeenAt: '2026-12-05T09:58:00.000Z',
    lastSeenAt: '2026-12-05T10:01:00.000Z',
    reach: { via: 'email', inChat: false },
  },
  messages: [{ ...message, internal: false }],
  handBackTargets: [{ id: 'ask-email', type: 'input', label: 'Ask: your email?' }],
};

describe('inbox response schemas', () => {
  test('a realistic list, detail and note round-trip unchanged', () => {
    const list = { conversations: [row], counts, unread: 1, filter: 'needs_agent' };
    expect(InboxList.parse(list)).toEqual(list);
    expect(ConversationDetail.parse(detail)).toEqual(detail);
    const note = { note: { ...message, internal: true } };
    expect(NoteAnswer.parse(note)).toEqual(note);
  });

  test('drift is named at its field: a status the inbox does not know, a missing filter count', () => {
    expect(
      responseMismatch(InboxList, { conversations: [{ ...row, status: 'open' }], counts, unread: 0, filter: 'all' }),
    ).toMatch(/^conversations\.0\.status:/);
    const { resolved: _dropped, ...partial } = counts;
    expect(responseMismatch(InboxList, { conversations: [], counts: partial, unread: 0, filter: 'all' })).toMatch(
      /^counts\.resolved:/,
    );
    expect(responseMismatch(ConversationDetail, { ...detail, messages: [message] })).toMatch(/^messages\.0\.internal:/);
  });

  test('people answers carry roles and presence the dashboard shows', () => {
    const user = {
      id: 'u1',
      workspaceId: 'w1',
      email: 'ada@example.com',
      name: 'Ada',
      role: 'admin',
      avatarUrl: null,
      presence: 'away',
    };
    expect(SessionUserAnswer.parse({ user })).toEqual({ user });
    expect(TeammatesAnswer.parse({ users: [user] })).toEqual({ users: [user] });
    expect(responseMismatch(SessionUserAnswer, { user: { ...user, role: 'owner' } })).toMatch(/^user\.role:/);
  });

  test('answers without a body', () => {
    expect(NoContent.parse(undefined)).toBeUndefined();
    expect(responseMismatch(NoContent, { ok: true })).not.toBeNull();
    expect(OkAnswer.parse({ ok: true })).toEqual({ ok: true });
    expect(responseMismatch(OkAnswer, { ok: false })).toMatch(/^ok:/);
  });
});

describe('inbox request schemas', () => {
  test('fill their defaults', () => {
    expect(HandBackInput.parse({})).toEqual({ blockId: null, end: false });
    expect(TeamInput.parse({ name: ' Billing ' })).toEqual({ name: 'Billing', memberIds: [], isDefault: false });
  });

  test('refuse what the runtime must not store', () => {
    expect(AssignInput.safeParse({}).success).toBe(false);
    expect(AssignInput.safeParse({ assigneeId: null }).success).toBe(true);
    expect(CannedInput.safeParse({ shortcut: 'with space', title: 'T', text: 'x' }).success).toBe(false);
    expect(CannedInput.safeParse({ shortcut: 'refund', title: 'Refund', text: '' }).success).toBe(false);
  });
});
