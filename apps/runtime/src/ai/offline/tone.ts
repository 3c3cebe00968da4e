import type { SummaryTone } from '@flowdesk/contract';
import { sentiment } from './nlp';

/**
 * Anger in a visitor's words: insults/profanity, shouting, a pile of "!", or very negative sentiment. wink's lexicon
 * scores plain facts like "I was charged twice" at -0.6, so sentiment alone must go well below that.
 */

const PROFANITY =
  /\b(wtf|damn|hell|crap|shit|fuck\w*|bullshit|ridiculous|unacceptable|scam|useless|worst|furious|angry|pissed|hate|disgusted|disappointed|fed up|sick of|pathetic|a joke)\b/i;

function isShouting(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= 12 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.6;
}

export function isAngry(text: string): boolean {
  return PROFANITY.test(text) || isShouting(text) || sentiment(text) <= -0.65 || (text.match(/!/g)?.length ?? 0) >= 3;
}

const FRUSTRATED =
  /\b(still|again|nobody (answers|replies|helps)|no one (answers|replies|helps)|been waiting|waiting (for|since)|not helping|doesn'?t help|does not help|useless|keeps? (happening|failing)|third time|second time|why (is|does|can'?t))\b/i;
const CONFUSED =
  /\b((don'?t|do not|can'?t|cannot) (understand|figure out|find)|confus(ed|ing)|not sure (how|what|why|where)|what does .+ mean|how do i)\b/i;

/** Wants it now: a deadline of minutes, not a complaint ("I need a real person now", "ASAP", "urgently"). */
const IMPATIENT =
  /\b(asap|as soon as possible|urgent(ly)?|immediately|right (now|away)|straight away|at once|hurry)\b|\b(need|want|get|give)\b[^.?!]{0,40}\bnow\b/i;

/** The visitor's tone for the handoff summary: angry (see isAngry), frustrated, impatient, confused or calm. */
export function toneOf(text: string): SummaryTone {
  if (!text.trim()) return 'calm';
  if (isAngry(text)) return 'angry';
  if (FRUSTRATED.test(text) || (text.match(/!/g)?.length ?? 0) >= 2) return 'frustrated';
  if (IMPATIENT.test(text)) return 'impatient';
  if (CONFUSED.test(text)) return 'confused';
  return 'calm';
}
