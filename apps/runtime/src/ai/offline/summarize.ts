import { type HandoffSummary, summaryText } from '@flowdesk/contract';
import { capturedDetails } from '../fields';
import type { SummarizeInput, SummaryResult, TranscriptLine } from '../provider';
import { sentences, terms } from './nlp';
import { prioritizeOffline, problemLevel } from './prioritize';
import { cosine, TfIdf } from './tfidf';
import { toneOf } from './tone';

/**
 * Extractive handoff summary in the shared structure: the visitor's problem (their most salient
 * sentence, the latest ones weighing most), the bot's relevant answers (never its prompts or
 * confirmations), captured details under human labels, tone and a suggested next step.
 */

const SMALL_TALK =
  /^(hi|hello|hey|thanks|thank you|ok|okay|yes|no|sure|bye|good (morning|afternoon|evening))\b[\s!.,]*$/i;
/** Asking for a person ("Talk to a human", the demo's button; "agent please") is the handoff itself, not a problem. */
const PERSON_REQUEST =
  /^(i\s+(want|need|would like)\s+to\s+)?(talk|speak|chat)\s+(to|with)\s+(a\s+|an\s+|the\s+)?(real\s+|live\s+)?(human|person|agent|someone|somebody|support|operator|representative)[\s!.,]*(please)?[\s!.]*$|^(a\s+)?(human|real person|live agent|agent|operator|representative)(\s+please)?[\s!.]*$/i;
const saysNothing = (text: string) => SMALL_TALK.test(text) || PERSON_REQUEST.test(text.trim());

/** What a bot says to acknowledge, hand over or ask, rather than to answer. */
const CONFIRMATION =
  /^(thanks|thank you|got it|sure|ok(ay)?|great|perfect|no problem|connecting you|we('| a)re (offline|away|closed)|someone (will|from)|leave your email|(i|we)('| wi)ll (connect|get|write|reply|be in touch|pass)|let me (get|connect|find)|one moment|hi there|hello|welcome|sorry, i didn'?t (catch|understand)|have a (great|nice|good) day)/i;
const MAX_QUOTE = 160;
const MAX_TRIED = 2;

function quote(text: string): string {
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text;
}

type Scored = { text: string; terms: string[]; order: number };

function split(lines: TranscriptLine[]): Scored[] {
  let order = 0;
  return lines.flatMap((line) => sentences(line.text).map((text) => ({ text, terms: terms(text), order: order++ })));
}

/** The visitor sentence carrying the most rare-in-conversation terms; later sentences win ties (the real issue often comes last). */
function problemSentence(items: Scored[], tfidf: TfIdf): Scored | null {
  const scored = items
    .filter((s) => s.terms.length > 0 && !saysNothing(s.text) && capturedDetails(s.text).length < s.terms.length)
    .map((s) => ({
      s,
      score:
        ([...new Set(s.terms)].reduce((sum, t) => sum + tfidf.weight(t), 0) / Math.sqrt(s.terms.length + 1)) *
        (1 + s.order / (items.length * 4)),
    }))
    .sort((a, b) => b.score - a.score);
  return scored[0]?.s ?? null;
}

/**
 * The problem line: the salient sentence, led by the sentence stating the most serious problem when that is another
 * one (a visitor who wrote "I was charged twice" and then "also the invoice names the wrong company" has the double
 * charge as their problem, the invoice as a second point, not the other way round).
 */
function problemLine(visitor: Scored[], salient: Scored): string {
  const ranked = visitor
    .filter((s) => !saysNothing(s.text))
    .map((s) => ({ s, level: problemLevel(s.text) }))
    .filter((x) => x.level >= 0)
    .sort((a, b) => b.level - a.level || b.s.order - a.s.order);
  const gravest = ranked[0];
  if (!gravest || gravest.s === salient || gravest.level <= problemLevel(salient.text)) return quote(salient.text);
  const first = quote(gravest.s.text);
  const then = quote(salient.text);
  return `${/[.!?…]$/.test(first) ? first : `${first}.`} ${/^also\b/i.test(then) ? then : `Also: ${then}`}`;
}

function who(input: SummarizeInput): string {
  const name = input.visitor?.name?.trim() || (typeof input.variables.name === 'string' ? input.variables.name : '');
  return name || 'The visitor';
}

/** "order_number" → "Order number". */
export function fieldLabel(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? `${words[0]!.toUpperCase()}${words.slice(1)}` : name;
}

/** Variables the runtime or the flow keeps for itself, never shown as details. */
const INTERNAL_VARIABLE = /^(_|last_|visitor$|ai_|tmp_|temp_)/i;

/** A detail's value as a person reads it: true/false as Yes/No. */
const detailText = (value: unknown) => (typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value).trim());

/** Flow variables worth showing: named by the flow, not internal, and not a copy of a chat line. */
function variableDetails(variables: Record<string, unknown>, chat: Set<string>): Array<[string, string]> {
  return Object.entries(variables)
    .filter(([key, value]) => !INTERNAL_VARIABLE.test(key) && ['string', 'number', 'boolean'].includes(typeof value))
    .map(([key, value]) => [fieldLabel(key), detailText(value)] as [string, string])
    .filter(([, value]) => value && value.length <= 120 && !chat.has(value.toLowerCase()));
}

function details(input: SummarizeInput, visitorText: string): HandoffSummary['details'] {
  const chat = new Set(input.transcript.map((l) => l.text.trim().toLowerCase()));
  const found: HandoffSummary['details'] = [];
  const add = (label: string, value: string) => {
    if (!found.some((d) => d.value.toLowerCase() === value.toLowerCase())) found.push({ label, value });
  };
  if (input.visitor?.name) add('Name', input.visitor.name);
  if (input.visitor?.email) add('Email', input.visitor.email);
  for (const [label, value] of capturedDetails(visitorText)) add(fieldLabel(label), value);
  for (const [label, value] of variableDetails(input.variables, chat)) add(label, value);
  return found;
}

/** The bot's answers related to the problem: not its questions, prompts or confirmations. */
function botTried(input: SummarizeInput, problem: Scored | null, tfidf: TfIdf): string[] {
  const firstVisitor = input.transcript.findIndex((l) => l.author === 'visitor');
  const answers = input.transcript
    .slice(Math.max(0, firstVisitor))
    .filter((l) => l.author === 'bot' && !l.prompt && !CONFIRMATION.test(l.text.trim()));
  const request = tfidf.vector(problem?.terms ?? []);
  return split(answers)
    .filter((s) => !s.text.trim().endsWith('?') && !CONFIRMATION.test(s.text.trim()) && s.terms.length >= 3)
    .map((s) => ({ s, score: cosine(request, tfidf.vector(s.terms)) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_TRIED)
    .sort((a, b) => a.s.order - b.s.order)
    .map((x) => quote(x.s.text));
}

/** What to do first, from the strongest signal in what the visitor wrote. */
const NEXT_STEPS: Array<[RegExp, string]> = [
  [/security/i, 'Secure the account (reset sessions and password) and escalate to security.'],
  [/outage|affects everyone/i, 'Check the service status and tell them when it will work again.'],
  [/data loss/i, 'Check backups for their data and tell them what can be restored.'],
  [/legal/i, 'Escalate to a lead before replying; keep to the facts.'],
  [/double charge/i, 'Check the payments for the duplicate charge and refund it.'],
  [/payment failure/i, 'Check the failed payment and help them complete it.'],
  [/refund/i, 'Check the payment and confirm the refund.'],
  [/account access/i, 'Verify who they are and help them sign in.'],
  [/cancellation/i, 'Confirm what they want cancelled and process it (offer help first).'],
  [/billing error/i, 'Check the invoice against their account and send a corrected one.'],
  [/something broken/i, 'Reproduce the problem and reply with a fix or a workaround.'],
  [/late delivery/i, 'Look up the order and tell them where it is.'],
  [/billing/i, 'Answer the billing question from their account.'],
];

function nextStep(input: SummarizeInput, found: HandoffSummary['details'], hasProblem: boolean): string {
  const { reason } = prioritizeOffline({ transcript: input.transcript });
  const step = NEXT_STEPS.find(([pattern]) => pattern.test(reason))?.[1];
  const email = found.find((d) => d.label === 'Email')?.value;
  if (step) return step;
  if (!hasProblem) return email ? `Write to ${email} and ask what they need.` : 'Ask what they need help with.';
  return 'Answer their question in the chat.';
}

export function summarizeOffline(input: SummarizeInput): SummaryResult {
  const visitorLines = input.transcript.filter((l) => l.author === 'visitor');
  const visitor = split(visitorLines);
  const bot = split(input.transcript.filter((l) => l.author === 'bot'));
  const tfidf = new TfIdf([...visitor, ...bot].map((s) => s.terms));
  const problem = problemSentence(visitor, tfidf);
  const visitorText = visitorLines.map((l) => l.text).join('\n');
  const found = details(input, visitorText);
  const structured: HandoffSummary = {
    problem: problem
      ? `${who(input)}: ${problemLine(visitor, problem)}`
      : `${who(input)} asked for a person without details.`,
    botTried: botTried(input, problem, tfidf),
    details: found,
    tone: toneOf(visitorText),
    nextStep: nextStep(input, found, problem !== null),
  };
  return { summary: summaryText(structured), structured };
}
