import { capturedDetails } from '../fields';
import type { SummarizeInput, TranscriptLine } from '../provider';
import { sentences, terms } from './nlp';
import { cosine, TfIdf } from './tfidf';
import { isAngry } from './tone';

/** Extractive handoff summary: who, what they want (most salient visitor sentences), what the bot tried, details. */

const SMALL_TALK =
  /^(hi|hello|hey|thanks|thank you|ok|okay|yes|no|sure|bye|good (morning|afternoon|evening))\b[\s!.,]*$/i;
const MAX_QUOTE = 160;

function quote(text: string): string {
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text;
}

type Scored = { text: string; terms: string[]; order: number };

function split(lines: TranscriptLine[]): Scored[] {
  let order = 0;
  return lines.flatMap((line) => sentences(line.text).map((text) => ({ text, terms: terms(text), order: order++ })));
}

/** Sentences carrying the most rare-in-conversation terms, in their original order. */
function salient(items: Scored[], tfidf: TfIdf, count: number): Scored[] {
  return items
    .filter((s) => s.terms.length > 0 && !SMALL_TALK.test(s.text) && capturedDetails(s.text).length < s.terms.length)
    .map((s) => ({
      s,
      score: [...new Set(s.terms)].reduce((sum, t) => sum + tfidf.weight(t), 0) / Math.sqrt(s.terms.length + 1),
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((x) => x.s)
    .sort((a, b) => a.order - b.order);
}

function who(input: SummarizeInput): string {
  const name = input.visitor?.name?.trim() || (typeof input.variables.name === 'string' ? input.variables.name : '');
  return name || 'The visitor';
}

function variableDetails(variables: Record<string, unknown>): Array<[string, string]> {
  return Object.entries(variables)
    .filter(
      ([key, value]) =>
        !key.startsWith('_') && ['string', 'number', 'boolean'].includes(typeof value) && `${value}`.trim(),
    )
    .map(([key, value]) => [key, String(value)]);
}

export function summarizeOffline(input: SummarizeInput): { summary: string } {
  const firstVisitor = input.transcript.findIndex((l) => l.author === 'visitor');
  const visitor = split(input.transcript.filter((l) => l.author === 'visitor'));
  const bot = split(input.transcript.slice(Math.max(0, firstVisitor)).filter((l) => l.author === 'bot'));
  const tfidf = new TfIdf([...visitor, ...bot].map((s) => s.terms));

  const lines: string[] = [];
  const wants = salient(visitor, tfidf, 2);
  lines.push(
    wants.length > 0
      ? `${who(input)} wants help: ${wants.map((s) => quote(s.text)).join(' ')}`
      : `${who(input)} asked for a human without details.`,
  );

  const request = tfidf.vector(wants.flatMap((s) => s.terms));
  const tried = bot
    .filter((s) => !s.text.trim().endsWith('?'))
    .map((s) => ({ s, score: cosine(request, tfidf.vector(s.terms)) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)[0];
  if (tried) lines.push(`Bot already tried: "${quote(tried.s.text)}"`);

  const visitorText = input.transcript
    .filter((l) => l.author === 'visitor')
    .map((l) => l.text)
    .join('\n');
  const details = new Map<string, string>();
  if (input.visitor?.email) details.set(`email ${input.visitor.email}`, '');
  for (const [label, value] of [...capturedDetails(visitorText), ...variableDetails(input.variables)]) {
    if (![...details.keys()].some((k) => k.endsWith(` ${value}`))) details.set(`${label} ${value}`, '');
  }
  if (details.size > 0) lines.push(`Details: ${[...details.keys()].join('; ')}`);

  if (isAngry(visitorText)) lines.push('Tone: upset.');
  return { summary: lines.join('\n') };
}
