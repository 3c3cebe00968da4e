import type { BlockOf, Intent } from '@flowdesk/flow-schema';
import type { ActionName, StateConfig, Transition } from './config';
import type { FlowIndex, TriggerRoute } from './flow-index';
import { blockState, triggerRoutes } from './transitions';
import { STATES, TAGS, type VisitorContent } from './types';

const pendingText = (pending: VisitorContent | null) => (pending?.type === 'text' ? pending.text : '');

function classifyState(routes: TriggerRoute[], index: FlowIndex, otherwise: Transition): StateConfig {
  const intents = routes.map((r) => index.intents.get(r.intentId)).filter((i): i is Intent => i !== undefined);
  return {
    invoke: {
      src: 'classifyIntent',
      input: ({ context }) => ({ text: pendingText(context.pending), intents }),
      onDone: [...triggerRoutes(routes), otherwise],
      onError: otherwise,
    },
  };
}

/**
 * The sub-states every waiting point shares: `wait` for the visitor; on a typed message, first ask the
 * classifier about global intent triggers (`classify`), then let the block use the input (`handle`).
 */
export function inputStates(
  index: FlowIndex,
  tag: string,
  handle: Transition[],
  extra: Record<string, StateConfig> = {},
  entryActions: ActionName[] = [],
): StateConfig {
  const hasGlobal = index.globalTriggers.length > 0;
  const actions: ActionName[] = ['resetSteps', ...entryActions, 'recordInput'];
  return {
    initial: 'wait',
    states: {
      wait: {
        tags: [tag],
        on: {
          visitor_message: [
            ...(hasGlobal ? [{ guard: 'eventIsText' as const, target: 'classify', actions }] : []),
            { target: 'handle', actions },
          ],
        },
      },
      ...(hasGlobal ? { classify: classifyState(index.globalTriggers, index, { target: 'handle' }) } : {}),
      handle: { always: handle },
      ...extra,
    },
  };
}

export function buttonsState(block: BlockOf<'buttons'>, index: FlowIndex): StateConfig {
  const params = { blockId: block.id };
  const fallback: Transition = { target: 'wait', actions: { type: 'fallback', params } };
  const hasLocal = index.localTriggers.length > 0;
  const handle: Transition[] = block.data.buttons.map((b) => ({
    guard: { type: 'buttonChosen', params: { ...params, buttonId: b.id } },
    target: index.target(block.id, b.id),
    actions: { type: 'saveChoice', params: { ...params, buttonId: b.id } },
  }));
  if (block.data.allowTyping)
    handle.push({
      guard: 'pendingIsText',
      target: index.target(block.id, 'typed'),
      actions: { type: 'saveTyped', params },
    });
  if (hasLocal) handle.push({ guard: 'pendingIsText', target: 'localClassify' });
  handle.push(fallback);
  const extra: Record<string, StateConfig> = hasLocal
    ? { localClassify: classifyState(index.localTriggers, index, fallback) }
    : {};
  return { ...blockState(block.id, [{ type: 'ask', params }]), ...inputStates(index, TAGS.waiting, handle, extra) };
}

export function captureState(block: BlockOf<'capture'>, index: FlowIndex): StateConfig {
  const params = { blockId: block.id };
  return {
    ...blockState(block.id, [{ type: 'ask', params }]),
    ...inputStates(index, TAGS.waiting, [
      {
        guard: { type: 'captureValid', params },
        target: index.target(block.id, 'next'),
        actions: { type: 'saveCapture', params },
      },
      { guard: { type: 'canRetry', params }, target: 'wait', actions: { type: 'retry', params } },
      { target: index.target(block.id, 'invalid') },
    ]),
  };
}

/** Before the first event: a typed message may hit a global trigger, anything else starts the flow. */
export function idleState(index: FlowIndex): StateConfig {
  const start = { target: index.startId ? `#${index.startId}` : `#${STATES.end}` };
  return { id: STATES.idle, ...inputStates(index, TAGS.idle, [start], {}, ['startVariables']) };
}

/** Ended or failed: the visitor can still reach global triggers; agents can `goto` a block. */
export function restingState(index: FlowIndex, id: string, tag: string): StateConfig {
  return { id, ...inputStates(index, tag, [{ target: 'wait' }]) };
}
