import { describe, expect, it } from 'vitest';
import {
  askForField,
  capturedDetails,
  checkFieldValue,
  fieldKey,
  findEmails,
  findName,
  findReferences,
  gatherFields,
} from './fields';
import type { TranscriptLine } from './provider';

describe('field extraction', () => {
  it.each([
    ['Order number', 'order_number'],
    [' E-mail ', 'e_mail'],
    ['!!', 'field'],
  ])('turns the label %j into the key %j', (label, key) => {
    expect(fieldKey(label)).toBe(key);
  });

  it("finds the addresses the one email rule (zod's, from @flowdesk/contract) accepts", () => {
    expect(findEmails("write to O'Brien@example.ie.")).toEqual(["O'Brien@example.ie"]);
    expect(findEmails('try ada@example.c0m or a@b.c')).toEqual([]);
    expect(findEmails('ada@example.com, bob+x@mail.example.org')).toEqual([
      'ada@example.com',
      'bob+x@mail.example.org',
    ]);
  });

  it.each([
    ['charged $49.99 twice for order 5521', ['5521']],
    ['order #12345!', ['12345']],
    ['my ref is ORD-77812.', ['ORD-77812']],
    ['waited 120 minutes at 10:30 in 2024', []],
    ['tracking number: 1Z999AA10123456784', ['1Z999AA10123456784']],
    ['mail me at a1b2@x.io', []],
  ])('finds references in %j', (text, expected) => {
    expect(findReferences(text)).toEqual(expected);
  });

  it.each([
    ["Hi, I'm Jane Doe and I need help", 'Jane Doe'],
    ['My name is Omar', 'Omar'],
    ['the order is late', null],
  ])('finds names only when introduced: %j → %j', (text, name) => {
    expect(findName(text)).toBe(name);
  });

  it('lists captured details with labels, a reference named by the word before it', () => {
    expect(capturedDetails('Email jo@ex.com, invoice INV2024-77, phone +1 (555) 123-4567')).toEqual([
      ['email', 'jo@ex.com'],
      ['invoice number', 'INV2024-77'],
      ['phone', '+1 (555) 123-4567'],
    ]);
    expect(capturedDetails('I was charged twice for order 48213, see #A77-2 and 5512309')).toEqual([
      ['order number', '48213'],
      ['reference', 'A77-2'],
      ['reference', '5512309'],
    ]);
  });

  it('gathers wanted fields from visitor lines, latest wins, free fields from the answer to a question', () => {
    const transcript: TranscriptLine[] = [
      { author: 'visitor', text: 'old@acme.io, I want a human' },
      { author: 'bot', text: 'What is your company name?' },
      { author: 'visitor', text: 'Acme Ltd' },
      { author: 'bot', text: 'Thanks, we will write to old@acme.io. Order 9?' },
      { author: 'visitor', text: 'use new@acme.io instead, order A-1029' },
    ];
    expect(gatherFields(['email', 'order number', 'company name', 'budget'], transcript, { budget: '1k' })).toEqual({
      email: 'new@acme.io',
      order_number: 'A-1029',
      company_name: 'Acme Ltd',
      budget: '1k',
    });
  });

  it('takes a free answer for a name but never for an email', () => {
    const transcript: TranscriptLine[] = [
      { author: 'bot', text: "What's your name and email?" },
      { author: 'visitor', text: 'Jane, jane at gmail' },
    ];
    expect(gatherFields(['name', 'email'], transcript)).toEqual({ name: 'Jane, jane at gmail' });
  });

  it.each([
    ['email', ' jo@x.io ', 'jo@x.io'],
    ['email', 'unknown', null],
    ['order number', 'order #5521', '5521'],
    ['order number', 'not given', null],
    ['company', ' Acme ', 'Acme'],
    ['company', '', null],
  ])('checks a %s reported by a model like a typed one: %j → %j', (field, value, checked) => {
    expect(checkFieldValue(field, value)).toBe(checked);
  });

  it('words the question for a missing field', () => {
    expect(askForField('email')).toContain('Before I do, could you tell me your email?');
    expect(askForField('order number', { anyGathered: true })).toBe(
      'Thanks! Could you also tell me your order number?',
    );
    expect(askForField('email', { alreadyAsked: true })).toContain("couldn't find your email");
  });
});
