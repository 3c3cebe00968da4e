import type { IntentDef, Priority, TranscriptLine } from '../provider';

/**
 * Realistic support conversations (an online store with a SaaS subscription) with the intent of the visitor's
 * opening message and the priority a support lead would give. Used by offline accuracy tests and bench/ai.
 */

export const CORPUS_INTENTS: IntentDef[] = [
  {
    id: 'human',
    name: 'Talk to a human',
    description: 'The visitor wants a real person, agent or support staff instead of the bot',
    phrases: [
      'I want to talk to a real person',
      'connect me with an agent',
      'can I speak to someone',
      'human please',
      'let me chat with support staff',
    ],
  },
  {
    id: 'refund',
    name: 'Refund',
    description: 'Get money back for an order or a charge',
    phrases: [
      'I want a refund',
      'how do I get my money back',
      'refund my order',
      'can you reimburse me',
      'I was charged twice',
    ],
  },
  {
    id: 'order_status',
    name: 'Order status',
    description: 'Where is my order, delivery and shipping tracking',
    phrases: [
      'where is my order',
      'track my package',
      'my parcel has not arrived',
      'when will my order be delivered',
      'shipping status',
    ],
  },
  {
    id: 'login',
    name: 'Login problem',
    description: 'Cannot sign in, forgot password, locked out of the account',
    phrases: [
      'I cannot log in',
      'forgot my password',
      'reset password',
      'my account is locked',
      'login is not working',
    ],
  },
  {
    id: 'pricing',
    name: 'Pricing',
    description: 'Plans, prices, costs, discounts and trials',
    phrases: [
      'how much does it cost',
      'what are your plans',
      'is there a free trial',
      'do you offer discounts',
      'pricing for teams',
    ],
  },
  {
    id: 'cancel',
    name: 'Cancel subscription',
    description: 'Stop or cancel a subscription or close the account',
    phrases: [
      'cancel my subscription',
      'how do I unsubscribe',
      'stop my plan',
      'close my account',
      'I do not want to renew',
    ],
  },
  {
    id: 'bug',
    name: 'Report a bug',
    description: 'Something in the app is broken, shows an error, crashes or is down',
    phrases: [
      'the app crashes',
      'I get an error',
      'the page is broken',
      'the dashboard is not loading',
      'your site is down',
    ],
  },
];

export type CorpusConversation = {
  transcript: TranscriptLine[];
  /** Intent of the visitor's first message; null when none of the intents fits. */
  intent: string | null;
  priority: Priority;
};

export const v = (text: string): TranscriptLine => ({ author: 'visitor', text });
const b = (text: string): TranscriptLine => ({ author: 'bot', text });
const GREETING = b('Hi! I am the Acme assistant. How can I help you today?');

export const CORPUS: CorpusConversation[] = [
  { intent: 'human', priority: 'low', transcript: [GREETING, v('Can I talk to a real person please?')] },
  { intent: 'human', priority: 'medium', transcript: [GREETING, v('This bot is useless, get me a human.')] },
  {
    intent: 'human',
    priority: 'low',
    transcript: [
      GREETING,
      v('Is there someone from your team I could chat with?'),
      b('Sure, what is it about?'),
      v('A question about a custom contract for our company.'),
    ],
  },
  {
    intent: 'human',
    priority: 'low',
    transcript: [GREETING, v('I would like to speak with an agent about my account settings.')],
  },
  {
    intent: 'human',
    priority: 'high',
    transcript: [
      GREETING,
      v('Connect me to a representative now, my card payment failed three times and I need this order today.'),
    ],
  },
  {
    intent: 'refund',
    priority: 'high',
    transcript: [
      GREETING,
      v('I was charged twice for order #48213, please fix this.'),
      b('I am sorry about that. Could you share your email?'),
      v('sam.lee@example.com'),
    ],
  },
  {
    intent: 'refund',
    priority: 'high',
    transcript: [GREETING, v('How do I get my money back? The jacket I bought does not fit.')],
  },
  {
    intent: 'refund',
    priority: 'urgent',
    transcript: [
      GREETING,
      v('I want a refund NOW. You took $89 from my account and I never ordered anything. This is fraud!!!'),
    ],
  },
  {
    intent: 'refund',
    priority: 'high',
    transcript: [GREETING, v('Can I return the shoes and be reimbursed? Order A-20931.')],
  },
  {
    intent: 'refund',
    priority: 'high',
    transcript: [GREETING, v('The refund you promised two weeks ago still has not reached my bank. Unacceptable.')],
  },
  { intent: 'order_status', priority: 'low', transcript: [GREETING, v('Where is my order? I placed it on Monday.')] },
  {
    intent: 'order_status',
    priority: 'medium',
    transcript: [
      GREETING,
      v('My package still has not arrived, the tracking page says delayed.'),
      b('Can you give me the order number?'),
      v('It is 77120.'),
    ],
  },
  {
    intent: 'order_status',
    priority: 'low',
    transcript: [GREETING, v('Hi, when will order 55102 be delivered to Berlin?')],
  },
  {
    intent: 'order_status',
    priority: 'medium',
    transcript: [GREETING, v('Tracking number 1Z999AA10123456784 has not moved in 6 days, is the parcel lost?')],
  },
  {
    intent: 'order_status',
    priority: 'low',
    transcript: [GREETING, v('Could you tell me the shipping status of my purchase?')],
  },
  {
    intent: 'login',
    priority: 'high',
    transcript: [GREETING, v("I can't log in to my account, it keeps saying wrong password.")],
  },
  { intent: 'login', priority: 'low', transcript: [GREETING, v('I forgot my password, how do I reset it?')] },
  {
    intent: 'login',
    priority: 'high',
    transcript: [GREETING, v('My account got locked after too many attempts and I need to access my invoices.')],
  },
  {
    intent: 'login',
    priority: 'urgent',
    transcript: [
      GREETING,
      v("Someone logged into my account from another country and changed my password. I can't get in!"),
    ],
  },
  {
    intent: 'login',
    priority: 'high',
    transcript: [GREETING, v('The sign in page just reloads, I am unable to access my dashboard.')],
  },
  { intent: 'pricing', priority: 'low', transcript: [GREETING, v('How much does the Pro plan cost per month?')] },
  { intent: 'pricing', priority: 'low', transcript: [GREETING, v('Do you have a free trial for teams?')] },
  { intent: 'pricing', priority: 'low', transcript: [GREETING, v('Is there a discount for nonprofits or students?')] },
  {
    intent: 'pricing',
    priority: 'low',
    transcript: [GREETING, v('What is the difference between your plans? Looking at prices for 20 users.')],
  },
  {
    intent: 'cancel',
    priority: 'medium',
    transcript: [GREETING, v('Please cancel my subscription at the end of this month.')],
  },
  {
    intent: 'cancel',
    priority: 'medium',
    transcript: [GREETING, v('How do I stop the automatic renewal? I do not want to be billed again.')],
  },
  {
    intent: 'cancel',
    priority: 'high',
    transcript: [
      GREETING,
      v('I want to close my account and get a refund for this year, your service has been terrible.'),
    ],
  },
  { intent: 'cancel', priority: 'medium', transcript: [GREETING, v('Unsubscribe me from the premium plan please.')] },
  {
    intent: 'bug',
    priority: 'medium',
    transcript: [GREETING, v('The export button gives me an error 500 every time I click it.')],
  },
  {
    intent: 'bug',
    priority: 'urgent',
    transcript: [GREETING, v('Your whole site is down, our customers cannot check out and we are losing sales!')],
  },
  {
    intent: 'bug',
    priority: 'medium',
    transcript: [GREETING, v('The mobile app crashes when I open the settings screen.')],
  },
  {
    intent: 'bug',
    priority: 'medium',
    transcript: [GREETING, v('Charts on the dashboard are not loading since the last update.')],
  },
  {
    intent: 'bug',
    priority: 'urgent',
    transcript: [GREETING, v('The API is returning errors for all requests, production is broken. Please help ASAP.')],
  },
  { intent: null, priority: 'low', transcript: [GREETING, v('Do you sponsor local football clubs?')] },
  { intent: null, priority: 'low', transcript: [GREETING, v('Thanks, that was all I needed. Have a nice day!')] },
  { intent: null, priority: 'low', transcript: [GREETING, v('Are you hiring frontend developers in Lisbon?')] },
];

/** A help-centre text and questions with whether the answer is in it, for the AI-answer task. */
export const KNOWLEDGE = [
  'Acme ships to 40 countries. Standard shipping takes 3 to 5 business days and express shipping takes 1 to 2 business days.',
  'Orders over 50 euros ship for free.',
  'You can return any item within 30 days of delivery for a full refund. Refunds reach your bank within 5 to 7 business days after we receive the item.',
  'The Starter plan costs 9 euros per month and the Pro plan costs 29 euros per month per user. Every plan has a 14 day free trial.',
  'To reset your password, open the sign in page and click Forgot password; we email you a reset link that is valid for one hour.',
  'You can cancel your subscription any time under Settings, Billing. The plan stays active until the end of the paid period.',
  'Our support team is available Monday to Friday from 9:00 to 18:00 Central European Time.',
].join(' ');

export const ANSWER_QUESTIONS: Array<{ question: string; found: boolean; mustContain?: string }> = [
  { question: 'How long does express shipping take?', found: true, mustContain: '1 to 2' },
  { question: 'Is shipping free?', found: true, mustContain: '50 euros' },
  { question: 'How many days do I have to return an item?', found: true, mustContain: '30 days' },
  { question: 'When will my refund reach my bank?', found: true, mustContain: '5 to 7' },
  { question: 'How much is the Pro plan?', found: true, mustContain: '29 euros' },
  { question: 'Is there a free trial?', found: true, mustContain: '14 day' },
  { question: 'How do I reset my password?', found: true, mustContain: 'Forgot password' },
  { question: 'How can I cancel my subscription?', found: true, mustContain: 'Settings' },
  { question: 'What are your support hours?', found: true, mustContain: '9:00' },
  { question: 'Do you ship to Australia?', found: true, mustContain: '40 countries' },
  { question: 'Do you have a mobile app for Android?', found: false },
  { question: 'Can I pay with PayPal?', found: false },
  { question: 'Who is your CEO?', found: false },
  { question: 'Do you offer gift cards?', found: false },
  { question: 'Is my data stored in Europe?', found: false },
];
