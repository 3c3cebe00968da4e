import type { StateConfig } from './config';
import type { FlowIndex } from './flow-index';
import { STATES, TAGS } from './types';
import { inputStates, WAIT } from './waiting';

/** Before the first event: a typed message may hit a global trigger, anything else starts the flow. */
export function idleState(index: FlowIndex): StateConfig {
  const start = { target: index.startId ? `#${index.startId}` : `#${STATES.end}` };
  return { id: STATES.idle, ...inputStates(TAGS.idle, [start], ['startVariables']) };
}

/** Ended or failed: the visitor can still reach global triggers; agents can `goto` a block. */
export function restingState(id: string, tag: string): StateConfig {
  return { id, ...inputStates(tag, [{ target: WAIT }]) };
}

/** Where jumps land (agent `goto`, matched intent trigger): one table of transitions to every block. */
export function jumpState(index: FlowIndex): StateConfig {
  return {
    id: STATES.jump,
    always: [
      ...[...index.blocks.keys()].map((blockId) => ({
        guard: { type: 'jumpIs' as const, params: { blockId } },
        target: `#${blockId}`,
      })),
      { target: `#${STATES.end}` },
    ],
  };
}
