import type { BlockSummary } from '../summary-context';

export const summary: BlockSummary<'end'> = (block) => [block.data.message || 'Ends the conversation'];
