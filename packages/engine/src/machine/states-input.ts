import type { BlockOf } from '@flowdesk/flow-schema';
import type { ActionName, ActionRef, StateConfig, Transition } from './config';
import type { FlowIndex } from './flow-index';
import { blockState } from './transitions';
import { STATES, TAGS } from './types';

/** Target meaning "keep waiting at this block" (becomes a transition without target). */
const WAIT = 'wait';
const SAVES = new Set<string>(['saveChoice', 'saveTyped', 'saveCapture']);
const isSave = (a: ActionRef) => SAVES.has(typeof a === 'string' ? a : a.type);

const asList = (actions: Transition['actions']): ActionRef[] =>
  actions === undefined ? [] : Array.isArray(actions) ? actions : [actions];

/**
 * How a waiting point takes visitor input: the block uses it right in the event's transition (global
 * intent triggers were already checked by `step()`). The save actions record the input themselves;
 * "stay" transitions (retry, fallback) target nothing instead of `wait`, so nothing is entered again.
 */
export function inputStates(tag: string, handle: Transition[], entryActions: ActionName[] = []): StateConfig {
  const received: ActionRef[] = [...entryActions, 'recordInput'];
  const direct = handle.map(({ target, ...t }) => ({
    ...t,
    ...(target === WAIT ? {} : { target }),
    actions: asList(t.actions).some(isSave) ? asList(t.actions) : [...received, ...asList(t.actions)],
  }));
  return { tags: [tag], on: { visitor_message: direct } };
}

export function buttonsState(block: BlockOf<'buttons'>, index: FlowIndex): StateConfig {
  const params = { blockId: block.id };
  const fallback: Transition = { target: WAIT, actions: { type: 'fallback', params } };
  const handle: Transition[] = block.data.buttons.map((b) => ({
    guard: { type: 'buttonChosen', params: { ...params, buttonId: b.id } },
    target: index.target(block.id, b.id),
    actions: { type: 'saveChoice', params: { ...params, buttonId: b.id } },
  }));
  if (block.data.allowTyping)
    handle.push({
      guard: 'inputIsText',
      target: index.target(block.id, 'typed'),
      actions: { type: 'saveTyped', params },
    });
  handle.push(fallback);
  return {
    ...blockState(index, block.id, [{ type: 'ask', params }, 'emitAwaiting']),
    ...inputStates(TAGS.waiting, handle),
  };
}

export function captureState(block: BlockOf<'capture'>, index: FlowIndex): StateConfig {
  const params = { blockId: block.id };
  return {
    ...blockState(index, block.id, [{ type: 'ask', params }, 'emitAwaiting']),
    ...inputStates(TAGS.waiting, [
      {
        guard: { type: 'captureValid', params },
        target: index.target(block.id, 'next'),
        actions: { type: 'saveCapture', params },
      },
      { guard: { type: 'canRetry', params }, target: WAIT, actions: { type: 'retry', params } },
      { target: index.target(block.id, 'invalid') },
    ]),
  };
}

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
