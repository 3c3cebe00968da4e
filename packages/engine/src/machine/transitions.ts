import type { ActionRef, AwaitConfig, InvokeConfig, StateConfig, Transition } from './config';
import type { FlowIndex } from './flow-index';
import { STATES, TAGS } from './types';

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

/**
 * Waits for an external effect: entering records the request in `context.pending` (tag `working`, so a
 * step settles here); the host runs it, inside the step or later with no database held, and sends its
 * result as `effect.done` / `effect.error`. Leaving the state clears the request.
 */
export function awaitEffect(effect: AwaitConfig, entry: ActionRef[] = []): StateConfig {
  return {
    tags: [TAGS.working],
    entry: [
      ...entry,
      { type: 'requestEffect', params: ({ context }) => ({ kind: effect.effect, request: effect.input({ context }) }) },
    ],
    exit: ['clearEffect'],
    on: { 'effect.done': effect.onDone, 'effect.error': effect.onError },
  };
}

/** A block that calls an external effect and follows an output by its result. */
export function effectState(index: FlowIndex, blockId: string, effect: AwaitConfig): StateConfig {
  const base = blockState(index, blockId);
  const wait = awaitEffect(effect, base.entry);
  return { ...base, ...wait };
}

/** A block that runs a local effect of the host (queue an email) inside the step and moves on. */
export const localEffectState = (index: FlowIndex, blockId: string, invoke: InvokeConfig): StateConfig => ({
  ...blockState(index, blockId),
  invoke,
});
