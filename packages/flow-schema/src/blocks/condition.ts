import { z } from 'zod';
import { Template, VariableName } from '../common';
import { defineBlock, output } from './define';

export const CONDITION_OPERATORS = [
  'equals',
  'not_equals',
  'contains',
  'not_contains',
  'starts_with',
  'ends_with',
  'greater_than',
  'less_than',
  'is_empty',
  'is_not_empty',
  'matches_regex',
] as const;
export const ConditionOperator = z.enum(CONDITION_OPERATORS);
export type ConditionOperator = z.infer<typeof ConditionOperator>;

export const Combinator = z.enum(['and', 'or']);

export const ConditionRule = z.object({
  variable: VariableName,
  operator: ConditionOperator,
  /** Compared value; may hold `{{variables}}`. Ignored by is_empty / is_not_empty. */
  value: Template.default(''),
});
export type ConditionRule = z.infer<typeof ConditionRule>;

export const ConditionGroup = z.object({ combinator: Combinator.default('and'), rules: z.array(ConditionRule).min(1) });
export type ConditionGroup = z.infer<typeof ConditionGroup>;

/** Groups joined by `combinator`; rules inside a group joined by the group's own combinator. */
export const ConditionData = z.object({
  combinator: Combinator.default('and'),
  groups: z.array(ConditionGroup).min(1).max(20),
});
export type ConditionData = z.infer<typeof ConditionData>;

export const conditionBlock = defineBlock({
  type: 'condition',
  label: 'Condition',
  group: 'Logic',
  description: 'Checks variables and goes one way when the condition holds, the other way when it does not.',
  data: ConditionData,
  defaults: () => ({ groups: [{ rules: [{ variable: 'email', operator: 'is_not_empty' as const }] }] }),
  outputs: () => [output('true', 'True', true), output('false', 'False', true)],
  waitsForInput: false,
});
