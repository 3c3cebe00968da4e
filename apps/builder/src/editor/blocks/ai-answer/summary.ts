import type { BlockSummary } from '../summary-context';

export const summary: BlockSummary<'ai_answer'> = (block) => {
  const words = (block.data.knowledge ?? '').split(/\s+/).filter(Boolean).length;
  const sources = block.data.knowledgeSourceIds?.length ?? 0;
  const from = sources > 0 ? ` + ${sources} source${sources === 1 ? '' : 's'}` : '';
  return [block.data.instructions || 'No instructions', `Knowledge: ${words} word${words === 1 ? '' : 's'}${from}`];
};
