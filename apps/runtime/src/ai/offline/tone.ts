import { sentiment } from './nlp';

/** Anger in a visitor's words: insults/profanity, shouting, strongly negative sentiment or a pile of "!". */

const PROFANITY =
  /\b(wtf|damn|hell|crap|shit|fuck\w*|bullshit|ridiculous|unacceptable|scam|useless|worst|furious|angry|pissed)\b/i;

function isShouting(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= 12 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.6;
}

export function isAngry(text: string): boolean {
  return PROFANITY.test(text) || isShouting(text) || sentiment(text) <= -0.45 || (text.match(/!/g)?.length ?? 0) >= 3;
}
