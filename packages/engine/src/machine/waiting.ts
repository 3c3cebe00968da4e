import type { ActionName, ActionRef, StateConfig, Transition } from './config';

/** Target meaning "keep waiting at this block" (becomes a transition without target). */
export const WAIT = 'wait';
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
