/**
 * "Do you ship to Canada?", "Is there a mobile app?": a question about what the business offers, asked without the
 * visitor speaking of themselves. Intents are learned from their examples, and an intent whose examples never ask
 * this way ("where is my order", "the app crashes") is about the visitor's own case, not a policy or a feature; one
 * that does ("is there a free trial") takes such questions as usual.
 */

const ASKS_THE_BUSINESS = /\b(?:do|does|did) (?:you|y'all|your (?:company|team|store|shop))\b|\b(?:is|are) there\b/i;
const FIRST_PERSON = /\b(?:i|i'm|i've|i'd|me|my|mine|myself|we|we're|us|our|ours)\b/i;

export function asksAboutTheBusiness(text: string): boolean {
  return ASKS_THE_BUSINESS.test(text) && !FIRST_PERSON.test(text);
}
