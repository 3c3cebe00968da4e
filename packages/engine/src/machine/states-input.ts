import type { BlockOf, Intent } from '@flowdesk/flow-schema';
import type { ActionName, ActionRef, Scope, StateConfig, Transition } from './config';
import type { FlowIndex } from './flow-index';
import { blockState } from './transitions';
import { STATES, TAGS, type VisitorContent } from './types';

/** Target meaning "keep waiting at this block". */
const WAIT = 'wait';
const SAVES = new Set<string>(['saveChoice', 'saveTyped', 'saveCapture']);
const isSave = (a: ActionRef) => SAVES.has(typeof a === 'string' ? a : a.type);

const pendingText = (pending: VisitorContent | null) => (pending?.type === 'text' ? pending.text : '');
const asList = (actions: Transition['actions']): ActionRef[] =>
  actions === undefined ? [] : Array.isArray(actions) ? actions : [actions];

/** Asks the classifier about the intent triggers of `scope`; a confident match jumps to the trigger. */
function classifyState(scope: Scope, index: FlowIndex, otherwise: Transition): StateConfig {
  const routes = scope === 'global' ? index.globalTriggers : index.localTriggers;
  const intents = routes.map((r) => index.intents.get(r.intentId)).filter((i): i is Intent => i !== undefined);
  return {
    invoke: {
      src: 'classifyIntent',
      input: ({ context }) => ({ text: pendingText(context.pending), intents }),
      onDone: [
        {
          guard: { type: 'triggerMatched', params: { scope } },
          target: `#${STATES.jump}`,
          actions: { type: 'setJump', params: { scope } },
        },
        otherwise,
      ],
      onError: otherwise,
    },
  };
}

/**
 * How a waiting point takes visitor input: the block uses it right in the event's transition (global
 * intent triggers were already checked by `step()`). The save actions record the input themselves;
 * "stay" transitions (retry, fallback) target nothing instead of `wait`, so nothing is entered again.
 */
export function inputStates(
  tag: string,
  handle: Transition[],
  extra: Record<string, StateConfig> = {},
  entryActions: ActionName[] = [],
): StateConfig {
  const received: ActionRef[] = [...entryActions, 'recordInput'];
  const direct = handle.map(({ target, ...t }) => ({
    ...t,
    ...(target === WAIT ? {} : { target }),
    actions: asList(t.actions).some(isSave) ? asList(t.actions) : [...received, ...asList(t.actions)],
  }));
  if (Object.keys(extra).length === 0) return { tags: [tag], on: { visitor_message: direct } };
  return { initial: WAIT, states: { [WAIT]: { tags: [tag], on: { visitor_message: direct } }, ...extra } };
}

export function buttonsState(block: BlockOf<'buttons'>, index: FlowIndex): StateConfig {
  const params = { blockId: block.id };
  const fallback: Transition = { target: WAIT, actions: { type: 'fallback', params } };
  const hasLocal = index.localTriggers.length > 0;
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
  if (hasLocal) handle.push({ guard: 'inputIsText', target: 'localClassify' });
  handle.push(fallback);
  const extra: Record<string, StateConfig> = hasLocal ? { localClassify: classifyState('local', index, fallback) } : {};
  return {
    ...blockState(index, block.id, [{ type: 'ask', params }, 'emitAwaiting']),
    ...inputStates(TAGS.waiting, handle, extra),
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
  return { id: STATES.idle, ...inputStates(TAGS.idle, [start], {}, ['startVariables']) };
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
