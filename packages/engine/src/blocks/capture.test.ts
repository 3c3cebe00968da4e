import { CaptureData } from '@flowdesk/flow-schema';
import { describe, expect, test } from 'vitest';
import { parseCaptureInput } from './capture';

const data = (extra: Record<string, unknown>) => CaptureData.parse({ prompt: '?', saveAs: 'x', ...extra });
const typed = (text: string) => ({ type: 'text' as const, text });
const check = (inputType: string, text: string, validation = {}) =>
  parseCaptureInput(data({ inputType, validation }), typed(text));

describe('capture input', () => {
  test.each([
    ['text', '  hello ', 'hello'],
    ['number', '3,5', 3.5],
    ['number', '-12', -12],
    ['email', 'Ada@Example.COM', 'ada@example.com'],
    ['email', "O'Brien@example.ie", "o'brien@example.ie"],
    ['phone', '+44 20 7946 0958', '+44 20 7946 0958'],
    ['url', 'acme.example/pricing', 'acme.example/pricing'],
    ['url', 'https://acme.example', 'https://acme.example'],
    ['date', '2024-02-29', '2024-02-29'],
    ['datetime', '2024-02-29T10:30', '2024-02-29T10:30'],
  ])('%s accepts %j', (inputType, text, value) => {
    expect(check(inputType, text)).toEqual({ ok: true, value });
  });

  test.each([
    ['text', '   '],
    ['number', 'twelve'],
    ['number', ''],
    ['email', 'ada@'],
    ['email', 'ada example.com'],
    // The one email rule (zod's, from @flowdesk/contract): a top-level domain of letters.
    ['email', 'ada@example.c0m'],
    ['email', 'ada@example.c'],
    ['phone', '12'],
    ['phone', 'call me'],
    ['url', 'javascript:alert(1)'],
    ['url', 'localhost'],
    ['date', '2023-02-29'],
    ['date', '29/02/2024'],
    ['datetime', 'tomorrow'],
  ])('%s rejects %j', (inputType, text) => {
    expect(check(inputType, text).ok).toBe(false);
  });

  test('validation rules: min/max, lengths and pattern', () => {
    expect(check('number', '5', { min: 1, max: 10 }).ok).toBe(true);
    expect(check('number', '11', { min: 1, max: 10 }).ok).toBe(false);
    expect(check('text', 'ab', { minLength: 3 }).ok).toBe(false);
    expect(check('text', 'abcdef', { maxLength: 5 }).ok).toBe(false);
    expect(check('text', 'ORD-123', { pattern: '^ORD-\\d+$' }).ok).toBe(true);
    expect(check('text', 'ord-123', { pattern: '^ORD-\\d+$' }).ok).toBe(false);
  });

  test('a choice reply counts as its label; forms need form replies', () => {
    const text = data({ inputType: 'text' });
    expect(parseCaptureInput(text, { type: 'choice_reply', optionId: 'a', label: 'Yes' })).toEqual({
      ok: true,
      value: 'Yes',
    });
    const form = data({
      inputType: 'form',
      fields: [
        { name: 'age', label: 'Age', inputType: 'number' },
        { name: 'site', label: 'Site', inputType: 'url', required: false },
      ],
    });
    expect(parseCaptureInput(form, typed('30')).ok).toBe(false);
    expect(parseCaptureInput(form, { type: 'form_reply', values: { age: '30' } })).toEqual({
      ok: true,
      value: { age: 30 },
    });
    expect(parseCaptureInput(form, { type: 'form_reply', values: { age: '30', site: 'nope' } }).ok).toBe(false);
    expect(parseCaptureInput(form, { type: 'form_reply', values: { site: 'a.example' } }).ok).toBe(false);
    expect(parseCaptureInput(text, null).ok).toBe(false);
  });
});
