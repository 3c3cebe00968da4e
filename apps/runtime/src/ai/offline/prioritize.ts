import type { PrioritizeInput, Priority } from '../provider';
import { visitorLines } from '../transcript';
import { isAngry } from './tone';

/** Priority from what the visitor wrote: topic signals, tone (sentiment, shouting, profanity) and urgency words. */

type Signal = { name: string; level: Priority; pattern: RegExp };

const FRUSTRATION = 'frustrated with the bot';
const WIDESPREAD = 'affects everyone';
/** Problems that become an outage when they hit everyone. */
const BREAKAGE = new Set(['something broken', 'account access', 'payment failure']);

const SIGNALS: Signal[] = [
  {
    name: 'security incident',
    level: 'urgent',
    pattern:
      /\b(hack(ed|er)?|breach|fraud(ulent)?|unauthori[sz]ed|never authori[sz]ed|(don'?t|do not|didn'?t|did not) recogni[sz]e|stolen|phishing|compromised|someone (else )?(logged|got) into)\b/,
  },
  {
    name: 'outage',
    level: 'urgent',
    pattern:
      /\b(outage|(is|are|went|gone|goes|been) down|down for (every|all)|(site|app|service|api|server|system|platform|checkout)s? (is |are )?(down|offline|unreachable)|nothing (works|loads)|production|(nobody|no ?one|no (customers?|users?|clients?)) (can|is able to))\b/,
  },
  {
    // "the whole team" alone is a pricing question; with something broken it is an outage (see WIDESPREAD below).
    name: WIDESPREAD,
    level: 'urgent',
    pattern:
      /\b((all|none) (of )?(our|my) (customers|users|clients|staff|employees)|whole (team|company|office|store)|every (customer|user))\b/,
  },
  {
    name: 'data loss',
    level: 'urgent',
    pattern:
      /\b(lost (all )?(my |our )?(data|files|work)|data (loss|is gone|deleted)|(everything|all) (is |got )?deleted)\b/,
  },
  {
    name: 'legal threat',
    level: 'urgent',
    pattern:
      /\b(lawyer|attorney|sue|lawsuit|legal action|charge ?back|dispute|file a (complaint|claim)|consumer protection|small claims|report you)\b/,
  },
  {
    name: 'double charge',
    level: 'high',
    pattern:
      /\b((charged|billed|took|taken|debited|deducted|paid)( me| us| the payment| my card| my money| it)? (twice|two times|2x|double)|charged (me )?again|double[- ]charged|duplicate (charge|payment))\b/,
  },
  {
    name: 'payment failure',
    level: 'high',
    pattern:
      /\b(payment|card|transaction|checkout)s? (failed|fails|failing|declined|was declined|didn'?t go through|not going through|rejected|error)|\b(can'?t|cannot|unable to) (pay|check ?out)\b/,
  },
  {
    name: 'refund request',
    level: 'high',
    pattern:
      /\b(refund|money back|reimburse|money returned|(charges?|payment) reversed|reverse (the|a|this) (charge|payment)|(get|want|need|where is) (my |the |our )?money|give (it|one|them|that) back|(returned|sent back|send back|shipped back) (the|my|it|them))/,
  },
  {
    name: 'account access',
    level: 'high',
    pattern:
      /\b(can'?t|cannot|unable to|couldn'?t|won'?t let me) (log ?in|log ?on|sign ?in|sign ?on|access|get in|get into)|locked( out)?\b|(account|profile) (is |was |has been |got |gets )?(disabled|suspended|blocked|deactivated)\b|password reset (isn'?t|is not|not) working|login (is )?(broken|failing|not working)/,
  },
  {
    name: 'cancellation',
    level: 'medium',
    pattern:
      /\b(cancel|unsubscribe|(close|delete) (my |our )?account|end my (membership|subscription|plan)|terminate|stop (charging|billing)|(stop|turn off) (the )?(auto(matic)?[- ]?)?renew|(not|don'?t) (want to )?renew)/,
  },
  {
    // Before "something broken": a wrong invoice is a billing mistake to correct, not a bug to reproduce.
    name: 'billing error',
    level: 'medium',
    pattern:
      /\b(invoices?|bills?|billing|receipts?|statements?|charges?|amounts?|totals?|vat|tax)\b[^.!?\n]{0,60}\b(wrong|incorrect|missing|mistakes?|errors?|too (high|much))\b|\b(wrong|incorrect)\s+(invoice|bill|amount|total|price|vat|tax|charge)/,
  },
  {
    name: 'something broken',
    level: 'medium',
    pattern:
      /\b(broken|not working|doesn'?t work|does not work|stopped working|(not|won'?t|doesn'?t|isn'?t) (loading|load|open|opening)|bug|error|crash(es|ed|ing)?|fails?|wrong|missing|damaged|never (arrived|came|received)|no results|blank( white)? (screen|page)|white screen|spins? forever|keeps (spinning|loading|crashing|freezing)|freez(es|ing)|frozen|stuck)\b/,
  },
  {
    name: 'late delivery',
    level: 'medium',
    pattern:
      /\b(late|delayed|hasn'?t (arrived|shipped)|still waiting|(has ?n[o']t|never) (shown|showed) up|(has ?n[o']t|not) moved|(parcel|package|order|shipment) (is |was |got )?lost|lost in (the )?(mail|post|transit)|(marked|says|shows|showing) (as )?delivered|wrong address|(tracking|status) (hasn'?t|has not|not|isn'?t) (updated|updating|changed|moving))\b/,
  },
  {
    name: FRUSTRATION,
    level: 'medium',
    pattern:
      /\b(going (a?round )?in circles|canned (answers|responses|replies)|(done|tired of|sick of|fed up with) (talking|chatting)|talking to a (machine|bot|robot)|not helping|waste of (my )?time|been waiting)\b/,
  },
  { name: 'billing question', level: 'medium', pattern: /\b(invoice|billing|charge|receipt|vat|tax)\b/ },
];

const URGENCY = /\b(asap|urgent(ly)?|immediately|right now|emergency|critical|losing (money|customers|sales))\b/;
const ORDER: Priority[] = ['low', 'medium', 'high', 'urgent'];

function raise(level: Priority, steps = 1): Priority {
  return ORDER[Math.min(ORDER.length - 1, ORDER.indexOf(level) + steps)]!;
}

function higher(a: Priority, b: Priority): Priority {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

/**
 * How serious the problem one sentence states is: the level of the strongest topic signal it matches (0 = low,
 * 3 = urgent), -1 when it names none. Frustration with the bot and "the whole team" are not problems of their own.
 */
export function problemLevel(sentence: string): number {
  const text = sentence.toLowerCase();
  return SIGNALS.filter((s) => s.name !== FRUSTRATION && s.name !== WIDESPREAD && s.pattern.test(text)).reduce(
    (best, s) => Math.max(best, ORDER.indexOf(s.level)),
    -1,
  );
}

export function prioritizeOffline({ transcript }: PrioritizeInput): { priority: Priority; reason: string } {
  const raw = visitorLines(transcript)
    .map((l) => l.text)
    .join('\n');
  const text = raw.toLowerCase();
  if (!text.trim()) return { priority: 'low', reason: 'No visitor message to assess' };

  const matched = SIGNALS.filter((s) => s.pattern.test(text));
  const broken = matched.some((s) => BREAKAGE.has(s.name));
  const hits = matched.filter((s) => s.name !== WIDESPREAD || broken);
  let priority = hits.reduce<Priority>(
    (best, s) => (ORDER.indexOf(s.level) > ORDER.indexOf(best) ? s.level : best),
    'low',
  );
  // The strongest signal names the reason first.
  const top = hits.find((s) => s.level === priority);
  const reasons = (top ? [top, ...hits.filter((s) => s !== top)] : hits).slice(0, 2).map((s) => s.name);

  // Anger about a real problem raises it one step, but anger alone never makes a conversation urgent (that takes an
  // outage, a security or legal issue, or urgency words); anger at the bot is the same evidence as the frustration.
  if (isAngry(raw)) {
    const problem = hits.some((s) => s.name !== FRUSTRATION);
    if (!problem) priority = higher(priority, 'medium');
    else if (priority !== 'urgent') priority = priority === 'high' ? 'high' : raise(priority);
    reasons.push('angry tone');
  }
  if (URGENCY.test(text)) {
    priority = raise(priority);
    reasons.push('urgency words');
  }
  if (reasons.length === 0) return { priority, reason: 'General question with no urgency signals' };
  const label = reasons.slice(0, 3).join(', ');
  return { priority, reason: `${label.charAt(0).toUpperCase()}${label.slice(1)}` };
}
