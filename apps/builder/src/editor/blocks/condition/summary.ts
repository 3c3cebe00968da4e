import { type BlockSummary, quote } from '../summary-context';
import { OPERATOR_LABELS, UNARY_OPERATORS } from './operators';

export const summary: BlockSummary<'condition'> = ({ data }) => {
  const groups = (data.groups ?? []).map((group) =>
    (group.rules ?? [])
      .map((r) =>
        UNARY_OPERATORS.has(r.operator)
          ? `${r.variable} ${OPERATOR_LABELS[r.operator]}`
          : `${r.variable} ${OPERATOR_LABELS[r.operator] ?? r.operator} ${quote(r.value ?? '')}`,
      )
      .join(` ${(group.combinator ?? 'and').toUpperCase()} `),
  );
  const joined = groups.length > 1 ? groups.map((g) => `(${g})`) : groups;
  return [`If ${joined.join(` ${(data.combinator ?? 'and').toUpperCase()} `) || 'No rules yet'}`];
};
