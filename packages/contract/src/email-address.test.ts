import { describe, expect, test } from 'vitest';
import { isEmailAddress, MAX_EMAIL_LENGTH } from './email-address';
import { EmailAddress } from './email-schema';

// Addresses the four former rules (engine, runtime, widget, AI fields) disagreed on, and plain ones.
const accepted = [
  'ada@example.com',
  'Ada.Lovelace+news@mail.example.co.uk',
  "o'brien@example.ie",
  'a_b-c@sub-domain.example.org',
];
const refused = [
  '',
  'ada',
  'ada@',
  '@example.com',
  'ada@example',
  'a@b.c',
  'ada@example.c0m',
  'ada example@example.com',
  'ada@@example.com',
  '.ada@example.com',
  'ada..b@example.com',
  'ada@-example.com',
  'josé@example.com',
  `${'a'.repeat(MAX_EMAIL_LENGTH)}@example.com`,
];

describe('the email rule', () => {
  test.each(accepted)('accepts %j', (address) => {
    expect(isEmailAddress(address)).toBe(true);
    expect(EmailAddress.safeParse(address).success).toBe(true);
  });

  test.each(refused)('refuses %j', (address) => {
    expect(isEmailAddress(address)).toBe(false);
    expect(EmailAddress.safeParse(address).success).toBe(false);
  });
});
