import {
  evaluateCondition,
  setPath,
  toVariableValue,
  type Variables,
  type VariableValue,
  valueToText,
} from '@flowdesk/flow-schema';
import { assign, emit, enqueueActions, setup } from 'xstate';
import { isAnswerFound } from '../blocks/ai-answer';
import { buttonLabel, matchButton, renderChoice } from '../blocks/buttons';
import { parseCaptureInput, renderInput, retryOutput } from '../blocks/capture';
import { endOutput } from '../blocks/end';
import { isHttpSuccess, mapHttpResponse } from '../blocks/http-request';
import { handoffNotice } from '../blocks/human-handoff';
import { messageOutput } from '../blocks/message';
import { applySetVariable } from '../blocks/set-variable';
import type { AnswerEffectResult, ClassifyIntentResult, HandoffEffectResult, HttpEffectResult } from '../effects';
import { effectActor } from './effect-actors';
import type { FlowIndex } from './flow-index';
import { text } from './render';
import {
  DEFAULT_STEP_BUDGET,
  type EngineContext,
  type EngineEmitted,
  type EngineEvent,
  type VisitorContent,
} from './types';

type B = { blockId: string };

/** The output of the invoked effect in an `onDone` event, whatever the event's static type. */
const outputOf = <T>(event: unknown): Partial<T> | undefined => {
  const output = (event as { output?: unknown }).output;
  return typeof output === 'object' && output !== null ? (output as Partial<T>) : undefined;
};

function mergeVariables(base: Variables, incoming: unknown): Variables {
  if (typeof incoming !== 'object' || incoming === null || Array.isArray(incoming)) return base;
  let out = base;
  for (const [name, value] of Object.entries(incoming)) out = setPath(out, name, toVariableValue(value));
  return out;
}

function inputText(content: VisitorContent | null): string {
  if (!content) return '';
  if (content.type === 'text') return content.text;
  if (content.type === 'choice_reply') return content.label;
  return valueToText(content.values);
}

/** Context changes when a visitor message arrives: a new step (budget reset) and `last_message`. */
function received(context: EngineContext, event: EngineEvent | { type: string }): Partial<EngineContext> {
  if (event.type !== 'visitor_message' && event.type !== 'intent') return {};
  const { content, stepBudget } = event as Extract<EngineEvent, { type: 'visitor_message' | 'intent' }>;
  return {
    steps: 0,
    stepBudget: stepBudget ?? context.stepBudget ?? DEFAULT_STEP_BUDGET,
    error: null,
    variables: setPath(context.variables, 'last_message', inputText(content)),
  };
}

/** `received` plus the answer saved in `name` (when the block saves it). */
function receiveAndSave(
  context: EngineContext,
  event: EngineEvent | { type: string },
  name: string | undefined,
  value: VariableValue,
): Partial<EngineContext> {
  const update = received(context, event);
  const variables = update.variables ?? context.variables;
  return { ...update, variables: name ? setPath(variables, name, value) : variables };
}

/** The visitor input an event carries (visitor messages and matched intents), or null. */
const inputOf = (event: EngineEvent | { type: string }): VisitorContent | null =>
  event.type === 'visitor_message' || event.type === 'intent'
    ? (event as Extract<EngineEvent, { type: 'visitor_message' | 'intent' }>).content
    : null;

/** setup() of a compiled flow: actors (host effects), actions and guards keyed by block id params. */
export function createFlowSetup(index: FlowIndex) {
  const threshold = index.doc.settings.intentThreshold;
  const defaults = mergeVariables(
    {},
    Object.fromEntries(
      index.doc.variables.filter((v) => v.defaultValue !== undefined).map((v) => [v.name, v.defaultValue]),
    ),
  );

  return setup({
    types: {
      context: {} as EngineContext,
      events: {} as EngineEvent,
      emitted: {} as EngineEmitted,
    },
    actors: {
      http: effectActor('http'),
      answer: effectActor('answer'),
      classifyIntent: effectActor('classifyIntent'),
      handoff: effectActor('handoff'),
      sendEmail: effectActor('sendEmail'),
    },
    actions: {
      resetSteps: assign(({ event, context }) => ({
        steps: 0,
        stepBudget: event.stepBudget ?? context.stepBudget ?? DEFAULT_STEP_BUDGET,
        error: null,
      })),
      countStep: assign({ steps: ({ context }) => context.steps + 1 }),
      budgetExceeded: assign(({ context }, params: B) => ({
        error: {
          code: 'step_budget_exceeded',
          message: `The flow passed through ${context.steps} blocks without waiting for the visitor; it probably loops.`,
          blockId: params.blockId,
        },
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
      say: emit(({ context }, params: B) => ({
        type: 'output' as const,
        content: messageOutput(index.block(params.blockId, 'message'), context.variables),
      })),
      sayEnd: emit(({ context }, params: B) => ({
        type: 'output' as const,
        content: endOutput(index.block(params.blockId, 'end'), context.variables),
      })),
      /** Entering a question: remember what is asked (then `emitAwaiting` sends it). */
      ask: assign(({ context }, params: B) => {
        const block = index.blocks.get(params.blockId);
        const awaiting =
          block?.type === 'buttons'
            ? renderChoice(block, block.data.text, context.variables)
            : block?.type === 'capture'
              ? renderInput(block, context.variables)
              : null;
        return { awaiting, retries: 0 };
      }),
      emitAwaiting: emit(({ context }) => ({ type: 'output' as const, content: context.awaiting ?? text('') })),
      fallback: enqueueActions(({ context, enqueue }, params: B) => {
        const block = index.block(params.blockId, 'buttons');
        enqueue.emit({
          type: 'output',
          content: renderChoice(block, index.doc.settings.fallbackMessage, context.variables),
        });
      }),
      // The save actions also record the input when they run on the visitor's event (see `received`).
      saveChoice: assign(({ context, event }, params: B & { buttonId: string }) => {
        const { data } = index.block(params.blockId, 'buttons');
        return receiveAndSave(context, event, data.saveAs, buttonLabel(data, params.buttonId));
      }),
      saveTyped: assign(({ context, event }, params: B) => {
        const { data } = index.block(params.blockId, 'buttons');
        return receiveAndSave(context, event, data.saveAs, inputText(inputOf(event)));
      }),
      saveCapture: assign(({ context, event }, params: B) => {
        const { data } = index.block(params.blockId, 'capture');
        const result = parseCaptureInput(data, inputOf(event));
        return result.ok ? receiveAndSave(context, event, data.saveAs, result.value) : received(context, event);
      }),
      retry: enqueueActions(({ context, enqueue }, params: B) => {
        enqueue.assign({ retries: context.retries + 1 });
        enqueue.emit({
          type: 'output',
          content: retryOutput(index.block(params.blockId, 'capture'), context.variables),
        });
      }),
      setVariable: assign(({ context }, params: B) => {
        return { variables: applySetVariable(index.block(params.blockId, 'set_variable'), context.variables) };
      }),
      mapHttp: assign(({ context, event }, params: B) => {
        const { data } = index.block(params.blockId, 'http_request');
        const output = outputOf<HttpEffectResult>(event);
        const result = { status: Number(output?.status ?? 0), body: output?.body };
        return { variables: mapHttpResponse(data, result, context.variables) };
      }),
      answered: enqueueActions(({ context, event, enqueue }, params: B) => {
        const { data } = index.block(params.blockId, 'ai_answer');
        const answer = String(outputOf<AnswerEffectResult>(event)?.answer ?? '');
        enqueue.emit({ type: 'output', content: text(answer) });
        if (data.saveAs) enqueue.assign({ variables: setPath(context.variables, data.saveAs, answer) });
      }),
      handedOff: enqueueActions(({ context, event, enqueue }, params: B) => {
        const { data } = index.block(params.blockId, 'human_handoff');
        const confirmation = handoffNotice(outputOf(event), data.confirmationMessage, context.variables);
        if (confirmation) enqueue.emit({ type: 'output', content: text(confirmation) });
        enqueue.emit({ type: 'handoff', blockId: params.blockId, settings: data });
      }),
      offline: enqueueActions(({ context, event, enqueue }, params: B) => {
        const { data } = index.block(params.blockId, 'human_handoff');
        const notice = handoffNotice(outputOf(event), data.offlineMessage, context.variables);
        if (notice) enqueue.emit({ type: 'output', content: text(notice) });
      }),
    },
    guards: {
      overBudget: ({ context }) => context.steps > context.stepBudget,
      inputIsText: ({ event }) => inputOf(event)?.type === 'text',
      buttonChosen: ({ event }, params: B & { buttonId: string }) =>
        matchButton(index.block(params.blockId, 'buttons').data, inputOf(event)) === params.buttonId,
      captureValid: ({ event }, params: B) =>
        parseCaptureInput(index.block(params.blockId, 'capture').data, inputOf(event)).ok,
      canRetry: ({ context }, params: B) => context.retries < index.block(params.blockId, 'capture').data.maxRetries,
      conditionHolds: ({ context }, params: B) =>
        evaluateCondition(index.block(params.blockId, 'condition').data, context.variables),
      intentMatched: ({ event }, params: { intentId: string }) => {
        const output = outputOf<ClassifyIntentResult>(event);
        return output?.intentId === params.intentId && Number(output.confidence) >= threshold;
      },
      jumpIs: ({ context }, params: B) => context.jump === params.blockId,
      httpOk: ({ event }) => isHttpSuccess(outputOf(event)),
      answerFound: ({ event }) => isAnswerFound(outputOf(event)),
      handoffAccepted: ({ event }) => outputOf<HandoffEffectResult>(event)?.outcome === 'handed_off',
    },
  });
}

export type FlowSetup = ReturnType<typeof createFlowSetup>;
export type FlowMachineConfig = Parameters<FlowSetup['createMachine']>[0];
export type FlowStateConfig = NonNullable<FlowMachineConfig['states']>[string];
