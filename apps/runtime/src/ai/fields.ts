import { isEmailAddress } from '@flowdesk/contract';
import type { TranscriptLine } from './provider';

/** Pulls details a visitor typed (email, order number, phone, name) out of free text, for gathering and summaries. */

/** Where an address may be in free text; whether it is one is `isEmailAddress`'s call (the one email rule). */
const EMAIL = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/g;
const PHONE = /\+?\d[\d\s().-]{6,}\d/g;
const NAME = /\b(?:[Mm]y name is|[Nn]ame's|[Tt]his is|I am|I'm)\s+([A-Z][a-zà-ÿ'-]+(?:\s[A-Z][a-zà-ÿ'-]+)?)/;
/** A token with a digit in it, e.g. "#12345", "A-1029", "ORD-77812", and the word before it. */
const TOKEN = /(\w+)?[\s:]*(#?)\b([A-Z]{0,5}[-_]?\d[A-Z0-9-]*)\b/gi;
const REFERENCE_CUE = /^(?:order|invoice|ticket|number|no|id|ref|reference|tracking|account|booking|case)$/i;

/** "Order number" → "order_number": the key used for a gathered field and the tool argument name. */
export function fieldKey(label: string): string {
  return (
    label
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'field'
  );
}

export function findEmails(text: string): string[] {
  return [...text.matchAll(EMAIL)].map((m) => m[0].replace(/\.$/, '')).filter(isEmailAddress);
}

/**
 * Identifiers: letters mixed with digits, "#"-prefixed numbers, numbers after a cue word ("order 5521"),
 * or standalone runs of 5 to 12 digits. Amounts, times and short counts are left out.
 */
export function findReferences(text: string): string[] {
  return referencesIn(text).map(({ ref }) => ref);
}

/** findReferences with the cue word each one follows ("order" for "order 5521"), lower-cased; null for none. */
function referencesIn(text: string): Array<{ ref: string; cue: string | null }> {
  const plain = text.replace(EMAIL, ' ').replace(/[$€£]\s?\d[\d.,]*/g, ' ');
  const found: Array<{ ref: string; cue: string | null }> = [];
  for (const [, before, hash, token] of plain.matchAll(TOKEN)) {
    const ref = token!;
    const digits = ref.replace(/\D/g, '').length;
    const cue = REFERENCE_CUE.test(before ?? '') ? before!.toLowerCase() : null;
    const mixed = /[A-Z]/i.test(ref) && digits > 0 && ref.length >= 3;
    const cued = (hash === '#' || cue !== null) && ref.length >= 3;
    const longNumber = /^\d{5,12}$/.test(ref);
    if (mixed || cued || longNumber) found.push({ ref, cue });
  }
  return found;
}

/** What a reference is, from the word before it: "order 48213" is an order number. */
const REFERENCE_LABELS: Record<string, string> = {
  order: 'order number',
  invoice: 'invoice number',
  ticket: 'ticket number',
  tracking: 'tracking number',
  account: 'account number',
  booking: 'booking reference',
  case: 'case number',
};

export function findPhones(text: string): string[] {
  return [...text.replace(EMAIL, ' ').matchAll(PHONE)]
    .map((m) => m[0].trim())
    .filter((p) => p.replace(/\D/g, '').length >= 7);
}

export function findName(text: string): string | null {
  return NAME.exec(text)?.[1] ?? null;
}

/** A pattern for a field; `strict` ones never accept a free-text answer (an email must look like an email). */
type Extractor = { find: (text: string) => string | null; strict: boolean };

function extractorFor(label: string): Extractor | null {
  const l = label.toLowerCase();
  if (/e-?mail/.test(l)) return { find: (t) => findEmails(t)[0] ?? null, strict: true };
  if (/phone|mobile|tel\b|cell/.test(l)) return { find: (t) => findPhones(t)[0] ?? null, strict: true };
  if (/^(full |first |last |your )?name$/.test(l.trim())) return { find: findName, strict: false };
  if (/order|invoice|ticket|account|booking|tracking|reference|number|\bid\b|code/.test(l))
    return { find: (t) => findReferences(t)[0] ?? null, strict: true };
  return null;
}

/**
 * A value for a field as the model reported it, checked like a typed one: an email must contain an email, an order
 * number an identifier. Free-form fields pass through trimmed. Null when it does not hold up.
 */
export function checkFieldValue(label: string, value: string | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const extract = extractorFor(label);
  if (!extract?.strict) return text.slice(0, 200);
  return extract.find(text);
}

function askedFor(botText: string, label: string): boolean {
  const words = label
    .toLowerCase()
    .split(/\W+/)
    .filter((w) => w.length > 2);
  const lower = botText.toLowerCase();
  return words.length > 0 && words.every((w) => lower.includes(w));
}

/**
 * Values for the wanted fields found in the visitor's messages (latest mention wins), merged over `known`.
 * A field without a pattern takes the visitor's answer right after a bot message that asked for it.
 */
export function gatherFields(
  wanted: string[],
  transcript: TranscriptLine[],
  known: Record<string, string> = {},
): Record<string, string> {
  const result: Record<string, string> = { ...known };
  for (const label of wanted) {
    const key = fieldKey(label);
    const extract = extractorFor(label);
    transcript.forEach((line, i) => {
      if (line.author !== 'visitor') return;
      const previous = transcript[i - 1];
      const answered = previous && previous.author !== 'visitor' && askedFor(previous.text, label);
      const value = extract?.find(line.text) ?? (answered && !extract?.strict ? line.text.trim().slice(0, 200) : null);
      if (value) result[key] = value;
    });
  }
  return result;
}

/** Every detail worth showing an agent, with human labels. */
export function capturedDetails(text: string): Array<[string, string]> {
  const details: Array<[string, string]> = [];
  for (const email of new Set(findEmails(text))) details.push(['email', email]);
  const seen = new Set<string>();
  for (const { ref, cue } of referencesIn(text)) {
    if (seen.has(ref)) continue;
    seen.add(ref);
    details.push([REFERENCE_LABELS[cue ?? ''] ?? 'reference', ref]);
  }
  for (const phone of new Set(findPhones(text)))
    if (!findReferences(phone).includes(phone)) details.push(['phone', phone]);
  return details;
}

/** The agent's question for a missing handoff field, worded for the first ask, a follow-up, or a retry. */
export function askForField(field: string, { alreadyAsked = false, anyGathered = false } = {}): string {
  if (alreadyAsked) return `Sorry, I couldn't find your ${field} in that. Could you type it again?`;
  if (anyGathered) return `Thanks! Could you also tell me your ${field}?`;
  return `I'll connect you with a teammate. Before I do, could you tell me your ${field}?`;
}
