import { describe, expect, test } from 'vitest';
import type { ConditionOperator } from './blocks/condition';
import { evaluateCondition, evaluateRule } from './conditions';

const vars = {
  plan: 'Pro',
  age: 42,
  email: '',
  tags: ['vip', 'new'],
  url: 'https://shop.example.com/cart',
  limit: '40',
};
const rule = (variable: string, operator: ConditionOperator, value = '') =>
  evaluateRule({ variable, operator, value }, vars);

describe('condition rules', () => {
  test.each([
    ['plan', 'equals', ' pro ', true],
    ['plan', 'equals', 'basic', false],
    ['age', 'equals', '42.0', true],
    ['plan', 'not_equals', 'basic', true],
    ['url', 'contains', 'EXAMPLE', true],
    ['tags', 'contains', 'vip', true],
    ['tags', 'not_contains', 'old', true],
    ['url', 'starts_with', 'https://', true],
    ['url', 'ends_with', '/cart', true],
    ['url', 'ends_with', '/home', false],
    ['age', 'greater_than', '{{limit}}', true],
    ['age', 'less_than', '40', false],
    ['plan', 'greater_than', '1', false],
    ['email', 'is_empty', '', true],
    ['missing', 'is_empty', '', true],
    ['tags', 'is_not_empty', '', true],
    ['url', 'matches_regex', '^https://[a-z]+\\.example', true],
    ['plan', 'matches_regex', '/^PRO$/i', true],
    ['plan', 'matches_regex', '([', false],
  ] as const)('%s %s %s -> %s', (variable, operator, value, expected) => {
    expect(rule(variable, operator, value)).toBe(expected);
  });

  test('over-long patterns never run', () => {
    expect(rule('plan', 'matches_regex', `${'a?'.repeat(150)}Pro`)).toBe(false);
  });
});

describe('condition groups', () => {
  const isPro = { variable: 'plan', operator: 'equals' as const, value: 'pro' };
  const isYoung = { variable: 'age', operator: 'less_than' as const, value: '18' };
  test('AND / OR inside groups and between groups', () => {
    expect(
      evaluateCondition({ combinator: 'and', groups: [{ combinator: 'and', rules: [isPro, isYoung] }] }, vars),
    ).toBe(false);
    expect(
      evaluateCondition({ combinator: 'and', groups: [{ combinator: 'or', rules: [isPro, isYoung] }] }, vars),
    ).toBe(true);
    const groups = [
      { combinator: 'and' as const, rules: [isYoung] },
      { combinator: 'and' as const, rules: [isPro] },
    ];
    expect(evaluateCondition({ combinator: 'or', groups }, vars)).toBe(true);
    expect(evaluateCondition({ combinator: 'and', groups }, vars)).toBe(false);
  });
});
