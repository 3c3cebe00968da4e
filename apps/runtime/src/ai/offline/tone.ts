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
