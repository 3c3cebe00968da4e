import type { BlockSummary } from '../summary-context';
import { PRIORITY_LABELS } from './priority';

export const summary: BlockSummary<'human_handoff'> = (block, ctx) => {
  const priority = block.data.priority;
  const team = block.data.teamId ? (ctx.teamName?.(block.data.teamId) ?? block.data.teamId) : 'Any team';
  return [`Priority: ${priority?.mode === 'fixed' ? PRIORITY_LABELS[priority.value] : 'AI decides'}`, `Team: ${team}`];
};
