import { regexes } from 'zod/v4/core';

/** Longest address accepted anywhere (an email field, a form answer, a visitor's contact). */
export const MAX_EMAIL_LENGTH = 320;

/**
 * The one email rule of Flowdesk: zod's `z.email()` pattern (the `EmailAddress` schema uses the same), as a
 * plain function so the widget can check an address without bundling zod's schemas.
 */
export function isEmailAddress(text: string): boolean {
  return text.length <= MAX_EMAIL_LENGTH && regexes.email.test(text);
}
