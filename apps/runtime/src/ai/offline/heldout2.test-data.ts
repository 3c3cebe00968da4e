import { type CorpusConversation, v } from './corpus.test-data';

/**
 * Second held-out set, written before the lexicon/priority tuning of 2026-11-26 and committed on its own so the
 * history shows it predates that tuning. Same intents as CORPUS_INTENTS; expected labels follow the conventions of
 * the tuning corpus (refunds high, outages and fraud urgent, how-to questions low). Do not tune against these.
 */

const b = (text: string) => ({ author: 'bot' as const, text });

export const HELDOUT_2: CorpusConversation[] = [
  // many ways to ask for a person
  { intent: 'human', priority: 'low', transcript: [v('Can I speak with a representative please?')] },
  { intent: 'human', priority: 'low', transcript: [v('is there a live person i can talk to')] },
  {
    intent: 'human',
    priority: 'low',
    transcript: [
      v("I'd like to speak with someone about a bulk order for my company."),
      b('Sure, what would you like to know?'),
      v('We need around 300 units delivered to two warehouses.'),
    ],
  },
  { intent: 'human', priority: 'low', transcript: [v('Operator.')] },
  { intent: 'human', priority: 'low', transcript: [v('can I chat with support staff instead of this bot?')] },
  {
    intent: 'human',
    priority: 'medium',
    transcript: [v('This assistant keeps going in circles. I want an actual human NOW.')],
  },
  { intent: 'human', priority: 'medium', transcript: [v('pls connect me w/ a real agent, ive been waiting 20 min')] },
  { intent: 'human', priority: 'low', transcript: [v('Is anybody from your support team online?')] },
  // money back
  {
    intent: 'refund',
    priority: 'high',
    transcript: [v('I was charged twice for the same subscription this month, please refund one of them.')],
  },
  { intent: 'refund', priority: 'high', transcript: [v('how do i get a refund for an item that arrived broken')] },
  { intent: 'refund', priority: 'high', transcript: [v('I sent the coat back 3 weeks ago and still no money back')] },
  {
    intent: 'refund',
    priority: 'urgent',
    transcript: [
      v("There's a payment of $59 on my card I don't recognise. I will file a chargeback if it isn't reversed today."),
    ],
  },
  // orders and delivery
  { intent: 'order_status', priority: 'low', transcript: [v('wheres my parcel?? order 44120')] },
  {
    intent: 'order_status',
    priority: 'medium',
    transcript: [v("Tracking hasn't updated in over a week, is my shipment lost?")],
  },
  { intent: 'order_status', priority: 'low', transcript: [v('When will my order arrive? I need it before Saturday.')] },
  {
    intent: 'order_status',
    priority: 'medium',
    transcript: [v('The delivery driver left my package at the wrong address.')],
  },
  { intent: 'order_status', priority: 'low', transcript: [v('Has order 90210 been dispatched yet?')] },
  // account access
  {
    intent: 'login',
    priority: 'high',
    transcript: [v('I cant sign in, it keeps saying my password is incorrect even after resetting it')],
  },
  { intent: 'login', priority: 'high', transcript: [v('My account is locked and I have a client demo in an hour.')] },
  {
    intent: 'login',
    priority: 'urgent',
    transcript: [v('Someone changed my email and password, I think my account has been compromised!')],
  },
  { intent: 'login', priority: 'low', transcript: [v('Is there a way to recover my username?')] },
  // prices
  { intent: 'pricing', priority: 'low', transcript: [v('whats the price for the business plan with 10 seats')] },
  { intent: 'pricing', priority: 'low', transcript: [v('Is there a free tier or do I have to pay from day one?')] },
  // stopping a subscription
  { intent: 'cancel', priority: 'medium', transcript: [v("I want to cancel my plan, it's too expensive for us now.")] },
  { intent: 'cancel', priority: 'medium', transcript: [v('how do I turn off auto-renew')] },
  { intent: 'cancel', priority: 'medium', transcript: [v('Please close my account and delete all my data.')] },
  // something broken
  { intent: 'bug', priority: 'medium', transcript: [v('The app shows a blank page right after I log in.')] },
  {
    intent: 'bug',
    priority: 'medium',
    transcript: [v("Getting 'Something went wrong' whenever I try to upload a photo.")],
  },
  {
    intent: 'bug',
    priority: 'urgent',
    transcript: [v('Your website is down for all our customers, nobody can place orders!!')],
  },
  { intent: 'bug', priority: 'medium', transcript: [v('The invoice PDF download is broken, it just spins forever.')] },
  // none of the intents
  { intent: null, priority: 'low', transcript: [v("Thank you so much, you've been really helpful!")] },
  { intent: null, priority: 'low', transcript: [v('Do you have any job openings in marketing?')] },
  { intent: null, priority: 'low', transcript: [v('What time zone is your head office in?')] },
  { intent: null, priority: 'low', transcript: [v('ok cool')] },
];
