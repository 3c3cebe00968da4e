import type { BlockSummary } from '../summary-context';
import { quote } from '../summary-context';

export const summary: BlockSummary<'ai_agent'> = (block) => {
  const { handoff, knowledge } = block.data;
  const words = knowledge.split(/\s+/).filter(Boolean).length;
  const sources = block.data.knowledgeSourceIds?.length ?? 0;
  const from = sources > 0 ? ` and ${sources} source${sources === 1 ? '' : 's'}` : '';
  const lines = [`Converses from ${words} word${words === 1 ? '' : 's'} of knowledge${from}`];
  if (!handoff.enabled) return [...lines, 'Never hands off'];
  const gather = handoff.gather.length ? `, after asking for ${handoff.gather.map(quote).join(', ')}` : '';
  return [...lines, `Hands off${gather}`];
};
