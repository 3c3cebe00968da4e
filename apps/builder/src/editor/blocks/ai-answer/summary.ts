import type { BlockSummary } from '../summary-context';

export const summary: BlockSummary<'ai_answer'> = (block) => {
  const words = (block.data.knowledge ?? '').split(/\s+/).filter(Boolean).length;
  return [block.data.instructions || 'No instructions', `Knowledge: ${words} word${words === 1 ? '' : 's'}`];
};
