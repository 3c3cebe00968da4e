import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../provider';
import { prioritizeOffline } from './prioritize';

const says = (...texts: string[]): TranscriptLine[] => texts.map((text) => ({ author: 'visitor', text }));

describe('offline priority', () => {
  it.each([
    [['Your site is down and nobody can check out'], 'urgent', /outage/i],
    [['Someone hacked my account'], 'urgent', /security/i],
    [['I was charged twice for my order'], 'high', /double charge/i],
    [['My card payment failed at checkout'], 'high', /payment failure/i],
    [["I can't log in anymore"], 'high', /account access/i],
    [['The export button is broken'], 'medium', /something broken/i],
    // A wrong invoice is a billing mistake, named before "something broken" (the word "wrong").
    [['My invoice for November is wrong, can someone check it?'], 'medium', /^Billing error/],
    [['I was charged the wrong amount'], 'medium', /^Billing error/],
    [['The app crashes when I open the billing page'], 'medium', /^Something broken/],
    [['What are your opening hours?'], 'low', /no urgency/i],
  ] as const)('%j → %s', (texts, priority, reason) => {
    const result = prioritizeOffline({ transcript: says(...texts) });
    expect(result.priority).toBe(priority);
    expect(result.reason).toMatch(reason);
  });

  it('raises the level for anger and for urgency words, naming both', () => {
    const calm = prioritizeOffline({ transcript: says('The export button is broken') });
    const angry = prioritizeOffline({ transcript: says('The export button is broken, this is RIDICULOUS') });
    const rushed = prioritizeOffline({
      transcript: says('The export button is broken, this is ridiculous, fix it ASAP'),
    });
    expect([calm.priority, angry.priority, rushed.priority]).toEqual(['medium', 'high', 'urgent']);
    expect(rushed.reason).toBe('Something broken, angry tone, urgency words');
  });

  it('treats anger alone as medium and ignores bot and agent lines', () => {
    expect(prioritizeOffline({ transcript: says('This bot is useless') }).priority).toBe('medium');
    const transcript: TranscriptLine[] = [
      { author: 'bot', text: 'If your site is down, call us.' },
      { author: 'visitor', text: 'thanks' },
    ];
    expect(prioritizeOffline({ transcript }).priority).toBe('low');
    expect(prioritizeOffline({ transcript: [] })).toEqual({ priority: 'low', reason: 'No visitor message to assess' });
  });
});
