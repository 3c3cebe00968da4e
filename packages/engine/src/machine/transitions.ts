import type { ActionRef, InvokeConfig, StateConfig, Transition } from './config';
import type { FlowIndex } from './flow-index';
import { STATES } from './types';

/** First transition of every block: stop with an error once the step budget is spent. */
export const overBudget = (blockId: string): Transition => ({
  guard: 'overBudget',
  target: `#${STATES.error}`,
  actions: { type: 'budgetExceeded', params: { blockId } },
});

/** A block's state id and entry; blocks on a loop also count against the step budget and check it. */
export function blockState(index: FlowIndex, blockId: string, entry: ActionRef[] = []): StateConfig {
  if (!index.loopBlocks.has(blockId)) return { id: blockId, entry, always: [] };
  return { id: blockId, entry: ['countStep', ...entry], always: [overBudget(blockId)] };
}

/** A block that runs and moves on at once (message, condition, set variable…). */
export function instantState(index: FlowIndex, blockId: string, entry: ActionRef[], next: Transition[]): StateConfig {
  const base = blockState(index, blockId, entry);
  return { ...base, always: [...(base.always ?? []), ...next] };
}

/** A block that runs its entry actions and follows its `next` output. */
export const nextState = (index: FlowIndex, blockId: string, entry: ActionRef[] = []): StateConfig =>
  instantState(index, blockId, entry, [{ target: index.target(blockId, 'next') }]);

/** A block that calls a host effect and follows an output by its result. */
export const effectState = (index: FlowIndex, blockId: string, invoke: InvokeConfig): StateConfig => ({
  ...blockState(index, blockId),
  invoke,
});
