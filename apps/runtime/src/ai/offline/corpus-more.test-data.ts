import { type CorpusConversation, v } from './corpus.test-data';

/**
 * More tuning conversations (same intents as CORPUS_INTENTS). They began as the first held-out set; once its misses
 * had informed the lexicon they were folded into the tuning data and a fresh held-out set was written.
 */

export const CORPUS_MORE: CorpusConversation[] = [
  { intent: 'human', priority: 'low', transcript: [v('Any chance I can chat with an actual human being?')] },
  { intent: 'human', priority: 'low', transcript: [v('Please transfer me to customer service.')] },
  {
    intent: 'human',
    priority: 'medium',
    transcript: [v("I'm done talking to a machine. Put me through to a person!")],
  },
  {
    intent: 'refund',
    priority: 'high',
    transcript: [v('The headphones stopped working after a day, I would like my money returned.')],
  },
  {
    intent: 'refund',
    priority: 'high',
    transcript: [v('You billed me twice this month, I need one of those charges reversed.')],
  },
  { intent: 'refund', priority: 'high', transcript: [v('What is your refund policy for damaged items?')] },
  { intent: 'order_status', priority: 'low', transcript: [v('Has my order shipped yet? Ordered it Friday.')] },
  {
    intent: 'order_status',
    priority: 'medium',
    transcript: [v('It has been three weeks and my delivery still has not shown up.')],
  },
  { intent: 'order_status', priority: 'low', transcript: [v('Can I get a tracking link for order 88213?')] },
  {
    intent: 'login',
    priority: 'high',
    transcript: [v("The password reset email never arrives so I can't get into my account.")],
  },
  { intent: 'login', priority: 'low', transcript: [v('How do I change my login email address?')] },
  {
    intent: 'login',
    priority: 'urgent',
    transcript: [v('I think my account was hacked, I got a login alert from Brazil.')],
  },
  { intent: 'pricing', priority: 'low', transcript: [v('Is the annual plan cheaper than paying monthly?')] },
  { intent: 'pricing', priority: 'low', transcript: [v('How much would it cost for a team of 50?')] },
  { intent: 'cancel', priority: 'medium', transcript: [v("I'd like to end my membership, how do I do that?")] },
  {
    intent: 'cancel',
    priority: 'medium',
    transcript: [v('Please cancel the renewal, I only needed it for one project.')],
  },
  { intent: 'bug', priority: 'medium', transcript: [v('When I upload a CSV the import fails with an unknown error.')] },
  {
    intent: 'bug',
    priority: 'urgent',
    transcript: [v('Nothing loads for our whole team since 9am, this is costing us money, fix it immediately.')],
  },
  { intent: 'bug', priority: 'medium', transcript: [v('Notifications stopped working on my phone after the update.')] },
  { intent: null, priority: 'low', transcript: [v('Do you have a physical store in Madrid?')] },
  { intent: null, priority: 'low', transcript: [v('Who designed your logo? It looks great.')] },
];
