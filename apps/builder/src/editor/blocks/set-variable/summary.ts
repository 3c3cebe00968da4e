import type { BlockSummary } from '../summary-context';

export const summary: BlockSummary<'set_variable'> = (block) => [
  `{{${block.data.variable}}} = ${block.data.value || '(empty)'}`,
];
