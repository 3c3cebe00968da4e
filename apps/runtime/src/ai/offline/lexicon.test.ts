import { describe, expect, it } from 'vitest';
import { DEFAULT_INTENT_THRESHOLD, type TranscriptLine } from '../provider';
import { classifyIntentOffline } from './classify-intent';
import { CORPUS_INTENTS } from './fixtures/corpus';
import { terms } from './nlp';
import { prioritizeOffline } from './prioritize';

/** The support lexicon: concepts that meet across wording, filler that matches nothing, priority from what is at stake. */

const intentOf = (text: string) => classifyIntentOffline({ text, intents: CORPUS_INTENTS });
const priorityOf = (text: string) => prioritizeOffline({ transcript: [{ author: 'visitor', text } as TranscriptLine] });

describe('support lexicon', () => {
  it.each(['a staff member', 'an operator', 'a live person', 'a real agent', 'somebody', 'your support team'])(
    'folds %j onto the concept of a person',
    (text) => {
      expect(terms(text)).toContain('human');
    },
  );

  it('folds irregular verb forms and ways of naming a problem onto shared concepts', () => {
    expect(terms('they paid and spoke')).toEqual(['payment', 'speak']);
    expect(terms('the site went down')).toEqual(['site', 'bug']);
    expect(terms('the courier lost my parcel')).toEqual(['ship', 'lose', 'ship']);
    expect(terms('they charged me twice')).toContain('refund');
  });

  it.each([
    'is a staff member around?',
    'could an operator help me',
    'I would rather speak to a manager',
    'any real people working there?',
    'put me in touch with somebody from customer care',
  ])('hears %j as a request for a person, above the threshold', (text) => {
    const got = intentOf(text);
    expect(got.intentId).toBe('human');
    expect(got.confidence).toBeGreaterThanOrEqual(DEFAULT_INTENT_THRESHOLD);
  });

  it.each([
    ['the courier never turned up with my shipment', 'order_status'],
    ['2FA code rejected, cannot get into my account', 'login'],
    ['the reports page keeps crashing', 'bug'],
    ['you took the money twice, I want a chargeback', 'refund'],
  ])('matches %j to the intent %s through its concepts', (text, intentId) => {
    expect(intentOf(text).intentId).toBe(intentId);
  });

  it.each(['thanks, great job', 'ok cool, thank you!', 'Hello!', 'Have a nice day, team'])(
    'gives no intent for thanks, praise and small talk: %j',
    (text) => {
      expect(intentOf(text).intentId).toBeNull();
    },
  );
});

describe('priority from what is at stake', () => {
  it.each([
    ['They debited my card twice for one order', 'high'],
    ['When do I get my money back? I sent the parcel back a month ago', 'high'],
    ['My profile has been suspended and I cannot log on', 'high'],
    ['I do not recognize this payment on my statement', 'urgent'],
    ['Nobody can log in, our whole company is blocked', 'urgent'],
    ['I will open a dispute with my bank', 'urgent'],
    ['The tracking says delivered but I have nothing', 'medium'],
    ['Please delete my account', 'medium'],
    ['All of our users get an error when saving', 'urgent'],
    ['How much for the whole team?', 'low'],
    ['Where is my order?', 'low'],
    ['thanks, great job', 'low'],
  ] as const)('%s → %s', (text, priority) => {
    expect(priorityOf(text).priority).toBe(priority);
  });

  it('lets anger raise a problem to high but not to urgent, and counts frustration with the bot once', () => {
    expect(priorityOf('My refund still has not arrived. Unacceptable.').priority).toBe('high');
    expect(priorityOf('Enough canned answers, this is ridiculous, give me a person').priority).toBe('medium');
  });

  it("tells a broken product, a price question and the visitor's own order from look-alikes (issue 18)", () => {
    expect(terms('the app is stuck on the splash screen')).toContain('bug');
    expect(terms('the export button does nothing')).toContain('bug');
    expect(terms('is the service down right now?')).toEqual(['servic', 'bug']);
    expect(terms('any coupon codes?')).toContain('price');
    expect(terms('do you charge per user')).toContain('price');
    expect(terms('where is my parcel')).toContain('ship');
    expect(terms('where is your office located?')).not.toContain('ship');
    expect(terms('how do I add a team member?')).not.toContain('human');
    expect(terms('is a team member around?')).toContain('human');
  });
});
