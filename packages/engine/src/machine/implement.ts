import { setPath, type Variables, type VariableValue, valueToText } from '@flowdesk/flow-schema';
import { assign, enqueueActions } from 'xstate';
import {
  DEFAULT_MESSAGE_BUDGET,
  DEFAULT_STEP_BUDGET,
  type EngineContext,
  type EngineEmitted,
  type EngineEvent,
  type VisitorContent,
} from './types';

/**
 * Typed builders for the machine's actions and guards, so block files can implement their own (each
 * keyed by the name its state config uses) and `createFlowSetup` only gathers them.
 */
export type BlockParams = { blockId: string };
type Params = Record<string, string>;
type Event = EngineEvent | { type: string };
export interface ImplArgs {
  context: EngineContext;
  event: Event;
}

export const assignWith = <P extends Params | undefined>(
  assigner: (args: ImplArgs, params: P) => Partial<EngineContext>,
) => assign<EngineContext, EngineEvent, P, EngineEvent, never>(assigner);

/**
 * Several emits and context changes at once: `run` returns both (emits first, in order). Every message
 * sent is counted in `sent`, which the message budget of looping blocks checks.
 */
export const emitAndAssign = <P extends Params | undefined>(
  run: (args: ImplArgs, params: P) => { emits: EngineEmitted[]; assign?: Partial<EngineContext> },
) =>
  enqueueActions<EngineContext, EngineEvent, P, EngineEvent, never, never, never, never, EngineEmitted>(
    ({ context, event, enqueue }, params) => {
      const result = run({ context, event }, params);
      const messages = result.emits.filter((e) => e.type === 'output').length;
      const sent = (result.assign?.sent ?? context.sent ?? 0) + messages;
      if (result.assign || messages > 0) enqueue.assign({ ...result.assign, sent });
      for (const e of result.emits) enqueue.emit(e);
    },
  );

/** One emit (counted like `emitAndAssign`'s). */
export const emitWith = <P extends Params | undefined>(make: (args: ImplArgs, params: P) => EngineEmitted) =>
  emitAndAssign<P>((args, params) => ({ emits: [make(args, params)] }));

export type Guard<P extends Params | undefined = BlockParams> = (args: ImplArgs, params: P) => boolean;

/** The output of the invoked effect in an `onDone` event, whatever the event's static type. */
export const outputOf = <T>(event: unknown): Partial<T> | undefined => {
  const output = (event as { output?: unknown }).output;
  return typeof output === 'object' && output !== null ? (output as Partial<T>) : undefined;
};

export function inputText(content: VisitorContent | null): string {
  if (!content) return '';
  if (content.type === 'text') return content.text;
  if (content.type === 'choice_reply') return content.label;
  return valueToText(content.values);
}

/** The visitor input an event carries (visitor messages and matched intents), or null. */
export const inputOf = (event: Event): VisitorContent | null =>
  event.type === 'visitor_message' || event.type === 'intent'
    ? (event as Extract<EngineEvent, { type: 'visitor_message' | 'intent' }>).content
    : null;

/** Context changes when a visitor message arrives: a new step (budget reset) and `last_message`. */
export function received(context: EngineContext, event: Event): Partial<EngineContext> {
  if (event.type !== 'visitor_message' && event.type !== 'intent') return {};
  const { content, stepBudget, messageBudget } = event as Extract<EngineEvent, { type: 'visitor_message' | 'intent' }>;
  return {
    steps: 0,
    stepBudget: stepBudget ?? context.stepBudget ?? DEFAULT_STEP_BUDGET,
    sent: 0,
    messageBudget: messageBudget ?? context.messageBudget ?? DEFAULT_MESSAGE_BUDGET,
    error: null,
    variables: setPath(context.variables, 'last_message', inputText(content)),
  };
}

/** `received` plus the answer saved in `name` (when the block saves it). */
export function receiveAndSave(
  context: EngineContext,
  event: Event,
  name: string | undefined,
  value: VariableValue,
): Partial<EngineContext> {
  const update = received(context, event);
  const variables: Variables = update.variables ?? context.variables;
  return { ...update, variables: name ? setPath(variables, name, value) : variables };
}
