import type { ConditionData, ConditionGroup, ConditionRule } from './blocks/condition';
import { interpolate } from './interpolate';
import { safeRegexTest } from './safe-regex';
import { getPath, valueToText } from './variables';

const normalize = (text: string) => text.trim().toLowerCase();

function asNumber(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text.trim());
  return Number.isFinite(n) ? n : null;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function textEquals(left: unknown, right: string): boolean {
  if (Array.isArray(left)) return left.some((item) => textEquals(item, right));
  const l = valueToText(left);
  const [ln, rn] = [asNumber(l), asNumber(right)];
  if (ln !== null && rn !== null) return ln === rn;
  return normalize(l) === normalize(right);
}

function contains(left: unknown, right: string): boolean {
  if (Array.isArray(left)) return left.some((item) => textEquals(item, right));
  return normalize(valueToText(left)).includes(normalize(right));
}

function compare(left: unknown, right: string, sign: 1 | -1): boolean {
  const [l, r] = [asNumber(valueToText(left)), asNumber(right)];
  return l !== null && r !== null && (l - r) * sign > 0;
}

/** Text comparisons ignore case and surrounding spaces; numbers compare as numbers. */
export function evaluateRule(rule: ConditionRule, variables: Record<string, unknown>): boolean {
  const left = getPath(variables, rule.variable);
  const right = interpolate(rule.value, variables);
  switch (rule.operator) {
    case 'equals':
      return textEquals(left, right);
    case 'not_equals':
      return !textEquals(left, right);
    case 'contains':
      return contains(left, right);
    case 'not_contains':
      return !contains(left, right);
    case 'starts_with':
      return normalize(valueToText(left)).startsWith(normalize(right));
    case 'ends_with':
      return normalize(valueToText(left)).endsWith(normalize(right));
    case 'greater_than':
      return compare(left, right, 1);
    case 'less_than':
      return compare(left, right, -1);
    case 'is_empty':
      return isEmpty(left);
    case 'is_not_empty':
      return !isEmpty(left);
    case 'matches_regex':
      return safeRegexTest(rule.value, valueToText(left));
  }
}

function evaluateGroup(group: ConditionGroup, variables: Record<string, unknown>): boolean {
  const test = (rule: ConditionRule) => evaluateRule(rule, variables);
  return group.combinator === 'and' ? group.rules.every(test) : group.rules.some(test);
}

export function evaluateCondition(condition: ConditionData, variables: Record<string, unknown>): boolean {
  const test = (group: ConditionGroup) => evaluateGroup(group, variables);
  return condition.combinator === 'and' ? condition.groups.every(test) : condition.groups.some(test);
}
