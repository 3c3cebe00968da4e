import type { ActionRef, StateConfig, Transition } from './config';
import { STATES } from './types';

/** First transition of every block: stop with an error once the step budget is spent. */
export const overBudget = (blockId: string): Transition => ({
  guard: 'overBudget',
  target: `#${STATES.error}`,
  actions: { type: 'budgetExceeded', params: { blockId } },
});

/** Entry and budget check every block state shares. */
export const blockState = (blockId: string, entry: ActionRef[] = []): StateConfig => ({
  id: blockId,
  entry: ['countStep', ...entry],
  always: [overBudget(blockId)],
});

/** A block that runs and moves on at once (message, condition, set variable…). */
export function instantState(blockId: string, entry: ActionRef[], next: Transition[]): StateConfig {
  const base = blockState(blockId, entry);
  return { ...base, always: [...(base.always ?? []), ...next] };
}
