import { describe, expect, it } from 'vitest';
import { alertFor, mentionAlertText } from './alerts';

const me = { userId: 'me', watching: null };

describe('alertFor', () => {
  it('alerts once when a conversation starts needing an agent', () => {
    const next = { id: 'c', status: 'needs_agent' as const, lastSeq: 4, assigneeId: null };
    expect(alertFor(undefined, next, me)).toEqual({ kind: 'handoff' });
    expect(alertFor({ status: 'bot', lastSeq: 3, assigneeId: null }, next, me)).toEqual({ kind: 'handoff' });
    expect(alertFor({ status: 'needs_agent', lastSeq: 3, assigneeId: null }, next, me)).toBeNull();
  });

  it('alerts on new activity in my conversations unless I am watching it', () => {
    const before = { status: 'agent' as const, lastSeq: 3, assigneeId: 'me' };
    const next = { id: 'c', status: 'agent' as const, lastSeq: 4, assigneeId: 'me' };
    expect(alertFor(before, next, me)).toEqual({ kind: 'message' });
    expect(alertFor(before, next, { userId: 'me', watching: 'c' })).toBeNull();
    expect(alertFor(before, { ...next, assigneeId: 'someone' }, me)).toBeNull();
    expect(alertFor(before, { ...next, lastSeq: 3 }, me)).toBeNull();
    expect(alertFor(before, { ...next, status: 'resolved' }, me)).toBeNull();
  });
});

describe('mentionAlertText', () => {
  it('names who mentioned me and the conversation', () => {
    expect(mentionAlertText({ conversationId: 'c1', authorName: 'Bea Billing', visitorName: 'Jane Doe' })).toBe(
      'Bea Billing mentioned you in the conversation with Jane Doe',
    );
    expect(mentionAlertText({ conversationId: 'conv-abcd', authorName: 'Bea', visitorName: null })).toBe(
      'Bea mentioned you in the conversation with Visitor ABCD',
    );
  });
});
