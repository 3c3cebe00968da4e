import type { PrioritizeInput, Priority } from '../provider';
import { visitorLines } from '../transcript';
import { isAngry } from './tone';

/** Priority from what the visitor wrote: topic signals, tone (sentiment, shouting, profanity) and urgency words. */

type Signal = { name: string; level: Priority; pattern: RegExp };

const SIGNALS: Signal[] = [
  {
    name: 'security incident',
    level: 'urgent',
    pattern:
      /\b(hack(ed|er)?|breach|fraud(ulent)?|unauthori[sz]ed|stolen|phishing|compromised|someone (else )?(logged|got) into)\b/,
  },
  {
    name: 'outage',
    level: 'urgent',
    pattern:
      /\b(outage|(is|are|went|gone|goes) down|down for (every|all)|(site|app|service|api|server|system|platform|checkout)s? (is |are )?(down|offline|unreachable)|nothing (works|loads)|production)\b/,
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
    pattern: /\b(lawyer|attorney|sue|lawsuit|legal action|chargeback|report you)\b/,
  },
  {
    name: 'double charge',
    level: 'high',
    pattern:
      /\b((charged|billed) (me )?(twice|two times|double)|charged (me )?again|double[- ]charged|duplicate (charge|payment))\b/,
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
      /\b(refund|money back|reimburse|money returned|(charges?|payment) reversed|reverse (the|a|this) (charge|payment))/,
  },
  {
    name: 'account access',
    level: 'high',
    pattern:
      /\b(can'?t|cannot|unable to|couldn'?t|won'?t let me) (log ?in|sign ?in|access|get into)|locked( out)?\b|password reset (isn'?t|is not|not) working|login (is )?(broken|failing|not working)/,
  },
  {
    name: 'cancellation',
    level: 'medium',
    pattern:
      /\b(cancel|unsubscribe|close my account|end my (membership|subscription|plan)|terminate|(stop|turn off) (the )?(auto(matic)?[- ]?)?renew|(not|don'?t) (want to )?renew)/,
  },
  {
    name: 'something broken',
    level: 'medium',
    pattern:
      /\b(broken|not working|doesn'?t work|does not work|stopped working|(not|won'?t|doesn'?t|isn'?t) (loading|load|open|opening)|bug|error|crash(es|ed|ing)?|fails?|wrong|missing|damaged|never (arrived|came|received))\b/,
  },
  {
    name: 'late delivery',
    level: 'medium',
    pattern:
      /\b(late|delayed|hasn'?t (arrived|shipped)|where is my (order|package|parcel)|still waiting|(has ?n[o']t|never) (shown|showed) up|(has ?n[o']t|not) moved|(parcel|package|order|shipment) (is |was |got )?lost|lost in (the )?(mail|post|transit))\b/,
  },
  { name: 'billing question', level: 'medium', pattern: /\b(invoice|billing|charge|receipt|vat|tax)\b/ },
];

const URGENCY = /\b(asap|urgent(ly)?|immediately|right now|emergency|critical|losing (money|customers|sales))\b/;
const ORDER: Priority[] = ['low', 'medium', 'high', 'urgent'];

function raise(level: Priority, steps = 1): Priority {
  return ORDER[Math.min(ORDER.length - 1, ORDER.indexOf(level) + steps)]!;
}

export function prioritizeOffline({ transcript }: PrioritizeInput): { priority: Priority; reason: string } {
  const raw = visitorLines(transcript)
    .map((l) => l.text)
    .join('\n');
  const text = raw.toLowerCase();
  if (!text.trim()) return { priority: 'low', reason: 'No visitor message to assess' };

  const hits = SIGNALS.filter((s) => s.pattern.test(text));
  let priority = hits.reduce<Priority>(
    (best, s) => (ORDER.indexOf(s.level) > ORDER.indexOf(best) ? s.level : best),
    'low',
  );
  // The strongest signal names the reason first.
  const top = hits.find((s) => s.level === priority);
  const reasons = (top ? [top, ...hits.filter((s) => s !== top)] : hits).slice(0, 2).map((s) => s.name);

  if (isAngry(raw)) {
    priority = hits.length > 0 ? raise(priority) : 'medium';
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
