import type { ConditionOperator } from '@flowdesk/flow-schema';

/** Words for condition operators, shared by the canvas summary and the condition builder. */
export const OPERATOR_LABELS: Record<ConditionOperator, string> = {
  equals: 'is',
  not_equals: 'is not',
  contains: 'contains',
  not_contains: 'does not contain',
  starts_with: 'starts with',
  ends_with: 'ends with',
  greater_than: 'is greater than',
  less_than: 'is less than',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
  matches_regex: 'matches pattern',
};
export const UNARY_OPERATORS: ReadonlySet<ConditionOperator> = new Set(['is_empty', 'is_not_empty']);
