import type { ActionRef, StateConfig, Transition } from './config';
import type { TriggerRoute } from './flow-index';
import { STATES } from './types';

/** First transition of every block: stop with an error once the step budget is spent. */
export const overBudget = (blockId: string): Transition => ({
  guard: 'overBudget',
  target: `#${STATES.error}`,
  actions: { type: 'budgetExceeded', params: { blockId } },
});

/** Transitions to intent triggers, chosen from a `classifyIntent` result. */
export const triggerRoutes = (routes: TriggerRoute[]): Transition[] =>
  routes.map((r) => ({ guard: { type: 'intentMatched', params: { intentId: r.intentId } }, target: `#${r.blockId}` }));

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
