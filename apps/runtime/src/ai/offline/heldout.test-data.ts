import { type CorpusConversation, v } from './corpus.test-data';

/**
 * Held-out conversations, written after the offline rules were frozen and never used to tune them: the honest
 * estimate of accuracy on unseen wording. Same intents as CORPUS_INTENTS. Do not tune against these.
 */

export const HELDOUT: CorpusConversation[] = [
  { intent: 'human', priority: 'low', transcript: [v('Hello, is a staff member around to answer a few questions?')] },
  { intent: 'human', priority: 'low', transcript: [v('I need to speak with somebody in your sales department.')] },
  {
    intent: 'human',
    priority: 'medium',
    transcript: [v('Stop sending me canned answers and get a real agent on this chat. This is ridiculous.')],
  },
  { intent: 'refund', priority: 'high', transcript: [v('I returned the blender last week, when do I get the money?')] },
  {
    intent: 'refund',
    priority: 'high',
    transcript: [v('Your checkout took the payment two times, please give one back.')],
  },
  {
    intent: 'refund',
    priority: 'urgent',
    transcript: [
      v('I never authorized this charge of 240 euros, I want it refunded or I will dispute it with my bank.'),
    ],
  },
  { intent: 'order_status', priority: 'low', transcript: [v('What day will my package get here?')] },
  {
    intent: 'order_status',
    priority: 'medium',
    transcript: [v('The courier says delivered but there is nothing at my door.')],
  },
  { intent: 'order_status', priority: 'low', transcript: [v('Is order 30318 already on its way?')] },
  {
    intent: 'login',
    priority: 'high',
    transcript: [v('Two-factor codes are not coming through so I cannot sign in.')],
  },
  { intent: 'login', priority: 'low', transcript: [v('Where do I change my password?')] },
  { intent: 'login', priority: 'high', transcript: [v('It says my account is disabled when I try to log on.')] },
  { intent: 'pricing', priority: 'low', transcript: [v('Do you give a discount if we pay yearly?')] },
  { intent: 'pricing', priority: 'low', transcript: [v('Which plan includes API access and what does it cost?')] },
  { intent: 'pricing', priority: 'low', transcript: [v('Can I try it for free before buying?')] },
  { intent: 'cancel', priority: 'medium', transcript: [v('I want to cancel before the next billing date.')] },
  { intent: 'cancel', priority: 'medium', transcript: [v('Please delete my account and stop charging my card.')] },
  {
    intent: 'bug',
    priority: 'medium',
    transcript: [v('The search bar returns no results even for products I know exist.')],
  },
  {
    intent: 'bug',
    priority: 'urgent',
    transcript: [v('Checkout has been down for an hour, no customer can pay. Urgent!')],
  },
  {
    intent: 'bug',
    priority: 'medium',
    transcript: [v('I get a blank white screen after clicking save on the invoice page.')],
  },
  { intent: null, priority: 'low', transcript: [v('What is the name of the music playing in your video ad?')] },
  { intent: null, priority: 'low', transcript: [v('Can I bring my dog to your showroom?')] },
  { intent: null, priority: 'low', transcript: [v('Just wanted to say your team did a great job, thanks!')] },
];
