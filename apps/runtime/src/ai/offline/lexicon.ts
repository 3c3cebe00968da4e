/**
 * A small customer-support lexicon for the offline matcher: multi-word expressions folded to one token before
 * tokenizing, and stems folded onto a shared stem after it, so "customer service", "agent" and "a real person" meet.
 */

/** Applied to lower-cased text, in order. */
export const PHRASES: Array<[RegExp, string]> = [
  [/\b(?:sign|log)(?:ged|ging)?[\s-]?(?:in|on)\b/g, 'login'],
  [/\bcustomer (?:service|support|care)\b|\blive (?:chat|agent|person)\b/g, 'human'],
  [/\bput me through\b|\btransfer me\b|\bhuman being\b/g, 'human'],
  [
    /\b(?:stopped|stops|not|isn'?t|doesn'?t|don'?t|won'?t|never|can'?t|cannot) (?:work|working|load|loading|open|opening)\b/g,
    'broken',
  ],
  [/\bnothing (?:works|loads|is working|is loading)\b/g, 'broken'],
  [/\bmoney back\b/g, 'refund'],
  [/\bbilled (?:me )?(?:twice|double)\b/g, 'charged twice'],
  [/\bwhere is\b/g, 'track'],
];

/** Stem → shared stem. Keys are wink (Porter-2) stems. */
export const SYNONYMS: Record<string, string> = {
  // a person rather than the bot
  person: 'human',
  peopl: 'human',
  someon: 'human',
  anyon: 'human',
  anybodi: 'human',
  somebodi: 'human',
  agent: 'human',
  repres: 'human',
  rep: 'human',
  oper: 'human',
  staff: 'human',
  bot: 'human',
  robot: 'human',
  machin: 'human',
  // money back
  reimburs: 'refund',
  money: 'refund',
  revers: 'refund',
  return: 'refund',
  // orders and delivery
  purchas: 'order',
  parcel: 'packag',
  deliveri: 'ship',
  deliv: 'ship',
  shipment: 'ship',
  arriv: 'ship',
  // account access
  signin: 'login',
  log: 'login',
  password: 'login',
  // prices
  cost: 'price',
  pricing: 'price',
  cheap: 'price',
  cheaper: 'price',
  expens: 'price',
  fee: 'price',
  discount: 'price',
  // payments
  bill: 'invoic',
  charg: 'payment',
  pay: 'payment',
  // subscriptions
  membership: 'subscript',
  renew: 'subscript',
  termin: 'cancel',
  quit: 'cancel',
  // something broken
  broken: 'bug',
  error: 'bug',
  crash: 'bug',
  glitch: 'bug',
  fail: 'bug',
};
