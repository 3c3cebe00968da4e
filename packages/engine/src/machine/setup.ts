import { setPaths, toVariableValue, type Variables, type VariableValue } from '@flowdesk/flow-schema';
import { assign, emit, type SetupReturn, setup } from 'xstate';
import { blockImplementations } from '../blocks';
import type { ActionName, GuardName } from './config';
import { effectActor } from './effect-actors';
import type { FlowIndex } from './flow-index';
import { type BlockParams, emitAndAssign, emitWith, received } from './implement';
import { text } from './render';
import {
  DEFAULT_MESSAGE_BUDGET,
  DEFAULT_STEP_BUDGET,
  type EffectRequest,
  type EngineContext,
  type EngineEmitted,
  type EngineError,
  type EngineEvent,
  LOOP_STOPPED_LINE,
} from './types';

const messagesSent = (context: EngineContext) => context.sent ?? 0;
const messageBudget = (context: EngineContext) => context.messageBudget ?? DEFAULT_MESSAGE_BUDGET;

/**
 * Checked on entering a block that sits on a loop: too many blocks, or too many messages. The check
 * runs after the entered block's own actions, so it keeps room for one more message on the way in
 * (an exit's notice, such as the handoff's offline message) besides the closing line.
 */
const overBudget = (context: EngineContext) =>
  context.steps > context.stepBudget || messagesSent(context) >= messageBudget(context) - 2;

function budgetError(context: EngineContext, blockId: string): EngineError {
  if (context.steps > context.stepBudget)
    return {
      code: 'step_budget_exceeded',
      message: `The flow passed through ${context.steps} blocks without waiting for the visitor; it probably loops.`,
      blockId,
    };
  return {
    code: 'message_budget_exceeded',
    message: `The flow sent too many messages in a row (${messagesSent(context)}) without waiting for the visitor; it probably loops.`,
    blockId,
  };
}

function mergeVariables(base: Variables, incoming: unknown): Variables {
  if (typeof incoming !== 'object' || incoming === null || Array.isArray(incoming)) return base;
  return setPaths(
    base,
    Object.entries(incoming).map(([name, value]): [string, VariableValue] => [name, toVariableValue(value)]),
  );
}

/**
 * setup() of a compiled flow: actors (host effects), the engine's own actions and guards, and those of
 * every block type (from blocks/<type>.ts), keyed by block id params.
 */
export function createFlowSetup(index: FlowIndex) {
  const defaults = mergeVariables(
    {},
    Object.fromEntries(
      index.doc.variables.filter((v) => v.defaultValue !== undefined).map((v) => [v.name, v.defaultValue]),
    ),
  );
  const blocks = blockImplementations(index);

  return setup({
    types: {
      context: {} as EngineContext,
      events: {} as EngineEvent,
      emitted: {} as EngineEmitted,
    },
    actors: {
      handoff: effectActor('handoff'),
      sendEmail: effectActor('sendEmail'),
    },
    actions: {
      resetSteps: assign(({ event, context }) => ({
        steps: 0,
        stepBudget: event.stepBudget ?? context.stepBudget ?? DEFAULT_STEP_BUDGET,
        sent: 0,
        messageBudget: event.messageBudget ?? context.messageBudget ?? DEFAULT_MESSAGE_BUDGET,
        error: null,
      })),
      countStep: assign({ steps: ({ context }) => context.steps + 1 }),
      enterBlock: emit((_, params: BlockParams) => ({ type: 'entered' as const, blockId: params.blockId })),
      /** A loop was stopped: one clear line for the visitor, and the error the host hands over with. */
      budgetExceeded: emitAndAssign<BlockParams>(({ context }, params) => ({
        emits: [{ type: 'output', content: text(LOOP_STOPPED_LINE) }],
        assign: { error: budgetError(context, params.blockId) },
      })),
      /** Declared defaults, under what the host already set (`set_variables` before the first message), under the start event's. */
      startVariables: assign(({ event, context }) => ({
        variables: mergeVariables(
          mergeVariables(defaults, context.variables),
          event.type === 'start' ? event.variables : undefined,
        ),
      })),
      setVariables: assign(({ event, context }) => ({
        variables:
          event.type === 'set_variables' ? mergeVariables(context.variables, event.variables) : context.variables,
      })),
      /** A visitor message arrived: new step (budget reset), set `last_message`. */
      recordInput: assign(({ event, context }) => received(context, event)),
      gotoJump: assign(({ event, context }) => ({
        jump: event.type === 'goto' || event.type === 'intent' ? event.blockId : context.jump,
      })),
      /** A typed message matched an intent trigger: the jump lands on that trigger block. */
      triggerMatched: emit(({ event }) => {
        const { blockId, intentId } = event as Extract<EngineEvent, { type: 'intent' }>;
        return { type: 'intent_matched' as const, blockId, intentId };
      }),
      intentMatchedAt: emit((_, params: { blockId: string; intentId: string }) => ({
        type: 'intent_matched' as const,
        ...params,
      })),
      /** Entering a `working` state: the external effect to run (see `awaitEffect`). */
      requestEffect: assign(({ context }, params: { kind: EffectRequest['kind']; request: unknown }) => {
        const seq = (context.effectSeq ?? 0) + 1;
        return { pending: { kind: params.kind, request: params.request, seq }, effectSeq: seq };
      }),
      clearEffect: assign({ pending: null }),
      emitAwaiting: emitWith(({ context }) => ({ type: 'output' as const, content: context.awaiting ?? text('') })),
      ...blocks.actions,
    },
    guards: {
      overBudget: ({ context }) => overBudget(context),
      jumpIs: ({ context }, params: BlockParams) => context.jump === params.blockId,
      ...blocks.guards,
    },
  });
}

export type FlowSetup = ReturnType<typeof createFlowSetup>;
export type FlowMachineConfig = Parameters<FlowSetup['createMachine']>[0];
export type FlowStateConfig = NonNullable<FlowMachineConfig['states']>[string];

// Compile-time check: every action and guard name a state config may use has an implementation.
type Implemented<S> =
  S extends SetupReturn<
    EngineContext,
    EngineEvent,
    infer _Actors,
    infer _Children,
    infer Actions,
    infer Guards,
    infer _Delay,
    infer _Tag,
    infer _Input,
    infer _Output,
    EngineEmitted,
    infer _Meta
  >
    ? { actions: keyof Actions; guards: keyof Guards }
    : never;
type Covers<Names, Keys> = [Names] extends [Keys] ? true : never;
export const everyNameImplemented: [
  Covers<ActionName, Implemented<FlowSetup>['actions']>,
  Covers<GuardName, Implemented<FlowSetup>['guards']>,
] = [true, true];
