import type { Message, MessageContent } from '@flowdesk/contract';
import { describe, expect, it } from 'vitest';
import { changesStatus, nextAwaiting, statusTransition, unreadCount, wantsEmail } from './conversation-events';

let seq = 0;
const m = (author: Message['author'], content: MessageContent): Message => ({
  id: `m${++seq}`,
  conversationId: 'c',
  seq,
  author,
  authorName: null,
  clientId: null,
  content,
  createdAt: '2026-01-01T00:00:00Z',
});
const ev = (kind: Extract<MessageContent, { type: 'event' }>['kind']) =>
  m('system', { type: 'event', kind, text: kind });

describe('statusTransition', () => {
  it('reports handoff when the bot hands over and resolved when it ends', () => {
    expect(statusTransition('bot', 'needs_agent')).toBe('handoff');
    expect(statusTransition('bot', 'agent')).toBe('handoff');
    expect(statusTransition('needs_agent', 'agent')).toBeNull();
    expect(statusTransition('agent', 'resolved')).toBe('resolved');
    expect(statusTransition(undefined, 'resolved')).toBeNull();
    expect(statusTransition(undefined, 'needs_agent')).toBeNull();
    expect(statusTransition('bot', 'bot')).toBeNull();
  });
});

describe('nextAwaiting', () => {
  const choice: MessageContent = { type: 'choice', options: [{ id: 'a', label: 'A' }], allowTyping: false };
  const email: MessageContent = { type: 'input', inputType: 'email' };

  it('takes the newest bot prompt and clears on a visitor answer or an agent message', () => {
    expect(nextAwaiting(null, [m('bot', { type: 'text', text: 'hi' }), m('bot', choice)])).toEqual(choice);
    expect(nextAwaiting(choice, [m('visitor', { type: 'choice_reply', optionId: 'a', label: 'A' })])).toBeNull();
    expect(nextAwaiting(null, [m('visitor', { type: 'text', text: 'x' }), m('bot', email)])).toEqual(email);
    expect(nextAwaiting(email, [m('bot', { type: 'validation_error', text: 'bad' })])).toEqual(email);
    expect(nextAwaiting(email, [m('agent', { type: 'text', text: 'hello' })])).toBeNull();
  });
});

describe('unreadCount', () => {
  it('counts bot and agent messages after the last read seq, never the visitor own or events', () => {
    seq = 0;
    const list = [
      m('bot', { type: 'text', text: 'a' }),
      m('visitor', { type: 'text', text: 'b' }),
      ev('handoff'),
      m('agent', { type: 'text', text: 'c' }),
      m('agent', { type: 'image', url: 'https://x.io/a.png' }),
    ];
    expect(unreadCount(list, 0)).toBe(3);
    expect(unreadCount(list, 1)).toBe(2);
    expect(unreadCount(list, 5)).toBe(0);
  });
});

describe('changesStatus / wantsEmail', () => {
  it('flags status events only', () => {
    expect(changesStatus(ev('handoff'))).toBe(true);
    expect(changesStatus(ev('priority_changed'))).toBe(false);
    expect(changesStatus(m('bot', { type: 'text', text: 'handoff' }))).toBe(false);
  });

  it('asks for an email after an offline event until one is captured', () => {
    expect(wantsEmail([m('bot', { type: 'text', text: 'x' })])).toBe(false);
    expect(wantsEmail([ev('offline'), m('bot', { type: 'text', text: 'x' })])).toBe(true);
    expect(wantsEmail([ev('offline'), ev('email_captured')])).toBe(false);
    expect(wantsEmail([ev('email_captured'), ev('offline')])).toBe(true);
  });

  it('leaves the email to the flow when it asks for one after going offline', () => {
    const askEmail = m('bot', { type: 'input', prompt: 'Your email?', inputType: 'email' });
    const askName = m('bot', { type: 'input', prompt: 'Your name?', inputType: 'text' });
    expect(wantsEmail([ev('offline'), askEmail])).toBe(false);
    expect(wantsEmail([ev('offline'), askEmail, m('visitor', { type: 'text', text: 'a@b.example' })])).toBe(false);
    expect(wantsEmail([ev('offline'), askName])).toBe(true);
    expect(wantsEmail([askEmail, ev('offline')])).toBe(true);
  });
});
