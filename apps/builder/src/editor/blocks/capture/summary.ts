import type { BlockSummary } from '../summary-context';

export const summary: BlockSummary<'capture'> = (block) => [
  block.data.prompt || 'No question text',
  `Expects ${block.data.inputType ?? 'text'} · saves to {{${block.data.saveAs ?? '?'}}}`,
];
