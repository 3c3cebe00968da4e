import type { BlockSummary } from '../summary-context';

export const summary: BlockSummary<'buttons'> = (block) => [
  block.data.text || 'No question text',
  ...(block.data.saveAs ? [`Saves choice to {{${block.data.saveAs}}}`] : []),
];
