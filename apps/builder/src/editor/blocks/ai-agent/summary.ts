import type { BlockSummary } from '../summary-context';
import { quote } from '../summary-context';

export const summary: BlockSummary<'ai_agent'> = (block) => {
  const { handoff, knowledge } = block.data;
  const words = knowledge.split(/\s+/).filter(Boolean).length;
  const lines = [`Converses from ${words} word${words === 1 ? '' : 's'} of knowledge`];
  if (!handoff.enabled) return [...lines, 'Never hands off'];
  const gather = handoff.gather.length ? `, after asking for ${handoff.gather.map(quote).join(', ')}` : '';
  return [...lines, `Hands off${gather}`];
};
