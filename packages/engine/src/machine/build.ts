import { compileBlock } from '../blocks';
import type { StateConfig, Transition } from './config';
import { idleState, jumpState, restingState } from './engine-states';
import type { FlowIndex } from './flow-index';
import { DEFAULT_STEP_BUDGET, type EngineContext, STATES, TAGS } from './types';

export const initialContext = (): EngineContext => ({
  variables: {},
  steps: 0,
  stepBudget: DEFAULT_STEP_BUDGET,
  retries: 0,
  awaiting: null,
  jump: null,
  error: null,
  pending: null,
  effectSeq: 0,
});

/** Every jump to a block (`#id`) re-enters it, so its entry actions and the step budget always run. */
function reenterBlocks(state: StateConfig): void {
  const fix = (t: Transition) => {
    if (t.target?.startsWith('#')) t.reenter = true;
  };
  const each = (ts: Transition | Transition[] | undefined) => {
    if (ts) for (const t of Array.isArray(ts) ? ts : [ts]) fix(t);
  };
  each(state.always);
  for (const ts of Object.values(state.on ?? {})) each(ts);
  if (state.invoke) {
    each(state.invoke.onDone);
    each(state.invoke.onError);
  }
  for (const child of Object.values(state.states ?? {})) reenterBlocks(child);
}

/** The whole machine config: one state per block (state id = block id) plus idle / end / error. */
export function buildMachineConfig(index: FlowIndex) {
  const states: Record<string, StateConfig> = {
    [STATES.idle]: idleState(index),
    [STATES.end]: restingState(STATES.end, TAGS.ended),
    [STATES.error]: restingState(STATES.error, TAGS.error),
    [STATES.jump]: jumpState(index),
  };
  for (const block of index.blocks.values()) {
    const state = compileBlock(block, index);
    state.entry = [{ type: 'enterBlock', params: { blockId: block.id } }, ...(state.entry ?? [])];
    states[block.id] = state;
  }
  for (const state of Object.values(states)) reenterBlocks(state);
  const goto: Transition = { target: `#${STATES.jump}`, actions: ['resetSteps', 'gotoJump'] };
  const intent: Transition = { target: `#${STATES.jump}`, actions: ['recordInput', 'gotoJump', 'triggerMatched'] };
  const start: Transition = {
    target: index.startId ? `#${index.startId}` : `#${STATES.end}`,
    actions: ['resetSteps', 'startVariables'],
  };
  for (const t of [goto, intent, start]) t.reenter = true;
  return {
    id: 'flow',
    initial: STATES.idle,
    context: initialContext(),
    on: { start, goto, intent, set_variables: { actions: 'setVariables' } },
    states,
  };
}
