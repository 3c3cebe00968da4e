/**
 * A small customer-support lexicon for the offline matcher: multi-word expressions folded to concept tokens before
 * tokenizing, and stems (of lemmas, so "paid" meets "pay") folded onto a shared concept after it, so "customer
 * service", "a live person" and "an operator" all meet "human". General support vocabulary, not test sentences.
 */

/** Applied to lower-cased text, in order. */
export const PHRASES: Array<[RegExp, string]> = [
  // when, not what: "any outages right now?", "a login issue today?"
  [/\b(?:right now|today|at the moment|at present)\b/g, ''],
  // a verb that is not about returning goods, and money that is lost rather than owed
  [/\breturn(?:s|ing|ed)? (?=no\b|an? error|errors?\b|nothing|empty|wrong|blank)/g, 'give '],
  [/\bcost(?:s|ing)? (?:us|me|them) (?:money|sales|customers)\b/g, 'loss'],
  // account access
  [/\b(?:sign|log)(?:ged|ging|s)?[\s-]?(?:in|on)\b/g, 'login'],
  [/\btwo[\s-]?factor\b|\b2fa\b|\bmfa\b|\bone[\s-]time (?:code|password)\b|\bverification code\b/g, 'login'],
  [/\b(?:get|got|getting) (?:in|into) (?:my |our |the )?account\b/g, 'login'],
  [/\b(?:can'?t|cannot|unable to|couldn'?t|won'?t let me) (?:access|get in|get into)\b/g, 'login'],
  [/\baccount (?:is |was |has been |got |gets )?(?:disabled|suspended|blocked|deactivated|locked)\b/g, 'login lock'],
  // a person rather than the bot
  [/\bcustomer (?:service|support|care)\b|\blive (?:chat|agent|person|human|rep|support)\b/g, 'human'],
  [/\b(?:real|actual) (?:person|human|agent|rep|representative|people|someone|somebody|operator)\b/g, 'human'],
  // "add a team member" is about seats, not a person to talk to
  [
    /\bsupport (?:staff|team|agent|person|rep)s?\b|(?<!\b(?:add|invite|remove) (?:a |an |another |new )?)\b(?:staff|team) member\b/g,
    'support human',
  ],
  [/\b(?:speak|talk|chat) (?:to|with) (?:a |the |your )?(?:manager|supervisor)\b/g, 'speak human'],
  [/\bput me through\b|\btransfer me\b|\bhuman being\b/g, 'human'],
  // something broken
  [
    /\b(?:stopped|stops|not|isn'?t|doesn'?t|don'?t|won'?t|never|can'?t|cannot) (?:work|working|load|loading|open|opening)\b/g,
    'broken',
  ],
  [/\bnothing (?:works|loads|is working|is loading)\b/g, 'broken'],
  [/\b(?:is|are|was|were|been|went|gone|goes|go) down\b/g, 'broken'],
  [/(?<=\b(?:site|app|service|server|website|system|checkout)s? )down\b|\b(?:does|do|did) nothing\b/g, 'broken'],
  [/\bwent wrong\b|\bno results\b|\b(?:blank|white|black) (?:screen|page)\b|\bspins? forever\b/g, 'broken'],
  [/\b(?:keeps|kept) (?:spinning|loading|crashing|freezing|reloading)\b|\berror (?:code )?\d{3}\b/g, 'broken'],
  // money back
  [/\bmoney back\b|\bcharge ?backs?\b|\b(?:give|send|pay) (?:it|one|them|me|that) back\b/g, 'refund'],
  [
    /\b(?:billed|charged|took|taken|debited|paid)(?: me| the payment| my card| the money)? (?:twice|two times|2x|double)\b/g,
    'double charge refund',
  ],
  // orders and delivery
  // "where is my …", not "where is your office"
  [/\bwhere(?: is|'?s) (?=my\b|our\b)/g, 'track '],
  [/\bon (?:its|the|their) way\b|\bget here\b|\bturn(?:ed)? up\b|\bwrong address\b/g, 'ship'],
  // prices
  [/\bhow much\b|\bfree (?:tier|plan|version)\b|\bcharge (?:per|for each|by the)\b/g, 'price'],
  // stopping a subscription
  [/\bauto[\s-]?renew(?:al|s|ing)?\b/g, 'renew'],
  [/\b(?:delete|remove|close) (?:my |our |the )?account\b/g, 'close account'],
];

/** Stem → shared concept. Keys are wink (Porter-2) stems of lemmas. */
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
  employe: 'human',
  bot: 'human',
  robot: 'human',
  machin: 'human',
  // money back
  reimburs: 'refund',
  money: 'refund',
  revers: 'refund',
  return: 'refund',
  disput: 'refund',
  chargeback: 'refund',
  // orders and delivery
  purchas: 'order',
  track: 'ship',
  packag: 'ship',
  parcel: 'ship',
  deliveri: 'ship',
  deliv: 'ship',
  deliver: 'ship',
  shipment: 'ship',
  arriv: 'ship',
  courier: 'ship',
  dispatch: 'ship',
  driver: 'ship',
  transit: 'ship',
  // account access
  signin: 'login',
  log: 'login',
  password: 'login',
  lock: 'login',
  hack: 'login',
  compromis: 'login',
  usernam: 'login',
  credenti: 'login',
  authent: 'login',
  // prices
  cost: 'price',
  pricing: 'price',
  cheap: 'price',
  cheaper: 'price',
  expens: 'price',
  fee: 'price',
  discount: 'price',
  afford: 'price',
  quot: 'price',
  seat: 'price',
  coupon: 'price',
  upgrad: 'price',
  tier: 'plan',
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
  break: 'bug',
  error: 'bug',
  crash: 'bug',
  glitch: 'bug',
  fail: 'bug',
  blank: 'bug',
  freez: 'bug',
  frozen: 'bug',
  stuck: 'bug',
  stick: 'bug', // the lemma of "stuck"
  outag: 'bug',
  unrespons: 'bug',
};

/**
 * Words too general to tell one support intent from another (greetings, thanks, politeness, "want", "need"):
 * dropped before intent matching so "thanks, great job, your team rocks" cannot ride on them into an intent.
 */
export const FILLER = new Set([
  'hello',
  'hi',
  'hey',
  'thank',
  'thx',
  'pleas',
  'pls',
  'plz',
  'want',
  'need',
  'like',
  'would',
  'get',
  'got',
  'let',
  'help',
  'just',
  'ok',
  'okay',
  'cool',
  'great',
  'good',
  'nice',
  'awesom',
  'day',
  'team',
  'job',
  'way',
]);

/**
 * Stems of verbs that ask how to do something in the product (change, add, export, integrate...). When none of a
 * bot's intents mentions one, it says the message is about a task the bot has no intent for ("Can I change my
 * username?" is not a login problem), so intent matching weighs it like a support concept.
 */
export const HOW_TO_ACTIONS = new Set([
  'chang',
  'add',
  'edit',
  'renam',
  'export',
  'import',
  'integr',
  'custom',
  'customis',
  'instal',
  'emb',
  'upload',
  'share',
  'print',
  'schedul',
  'creat',
  'invit',
  'configur',
  'switch',
  'enabl',
  'disabl',
  'updat',
  'sync',
  'download',
  'translat',
  'downgrad',
]);
