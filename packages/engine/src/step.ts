import type { MessageContent } from '@flowdesk/contract';
import type { HumanHandoffData, Variables } from '@flowdesk/flow-schema';
import { type AnyMachineSnapshot, createActor, waitFor } from 'xstate';
import type { CompiledFlow, FlowMachine } from './compile';
import { type EffectOutcome, type EngineEffects, type ExternalEffectKind, runEffect } from './effects';
import { EngineInput } from './engine-input';
import { intentRequest, routeByOutcome } from './intent-routing';
import { bindEffects } from './machine/effect-actors';
import {
  DEFAULT_MESSAGE_BUDGET,
  DEFAULT_STEP_BUDGET,
  type EngineContext,
  type EngineError,
  type EngineEvent,
  TAGS,
} from './machine/types';
import { type PendingEffect, type PersistedSnapshot, restoreSnapshot, type StepStatus } from './snapshot';

export interface StepResult {
  /** Bot messages of this step, in order, interpolated. */
  outputs: MessageContent[];
  snapshot: PersistedSnapshot | null;
  status: StepStatus;
  /** The prompt the visitor is answering now (`choice` or `input`), or null. */
  awaiting: MessageContent | null;
  activeBlockId: string | null;
  /** Blocks entered in this step, in order (repeats included): the path the builder's debugger shows. */
  path: string[];
  variables: Variables;
  /** Intents matched in this step, in order: at an intent trigger's block or a Match Intent block. */
  intents: IntentMatch[];
  /** Set when a handoff happened in this step. */
  handoff?: { blockId: string; settings: HumanHandoffData };
  /** The external effect the step stopped at (status `working`): run it, then send an `effect_result`. */
  pending: PendingEffect | null;
  error?: EngineError;
}

export interface IntentMatch {
  /** The intent trigger block the visitor's text jumped to, or the Match Intent block that classified it. */
  blockId: string;
  intentId: string;
  /** The intent's name in this flow version. */
  name: string;
}

export interface StepOptions {
  snapshot: PersistedSnapshot | null;
  event: EngineInput;
  /** Most blocks entered in this step before it stops with `step_budget_exceeded` (default 100). */
  stepBudget?: number;
  /**
   * Most messages a looping step sends, its closing line included, before it stops with
   * `message_budget_exceeded` (default 10). Checked where blocks can repeat: a straight path is not cut.
   */
  messageBudget?: number;
  /** Give up waiting for slow effects after this many milliseconds (default: wait for them). */
  timeoutMs?: number;
  /**
   * External effects the host runs itself after the step (with no database held): the step stops at the
   * first one and returns it in `pending`. Default: none, every effect runs inside the step.
   */
  defer?: (kind: ExternalEffectKind) => boolean;
  /** Ids of deferred effects (default: random UUIDs). */
  effectId?: () => string;
  /** Classify typed text against intent triggers first (default true; false previews the flow's own path). */
  routeIntents?: boolean;
}

const SETTLED_TAGS = Object.values(TAGS);
const isSettled = (s: AnyMachineSnapshot) => s.status !== 'active' || SETTLED_TAGS.some((tag) => s.hasTag(tag));
const never = () => false;
const randomId = () => globalThis.crypto.randomUUID();

function topState(value: unknown): string {
  return typeof value === 'string' ? value : (Object.keys(value as object)[0] ?? '');
}

function failure(options: StepOptions, code: string, message: string): StepResult {
  const context = (options.snapshot?.machine as { context?: Partial<EngineContext> } | undefined)?.context;
  return {
    outputs: [],
    snapshot: options.snapshot,
    status: 'error',
    awaiting: null,
    activeBlockId: null,
    path: [],
    intents: [],
    variables: context?.variables ?? {},
    pending: null,
    error: { code, message },
  };
}

function statusOf(s: AnyMachineSnapshot): StepStatus {
  if (s.hasTag(TAGS.handoff)) return 'handoff';
  if (s.hasTag(TAGS.ended)) return 'ended';
  if (s.hasTag(TAGS.working)) return 'working';
  if (s.hasTag(TAGS.error) || s.status !== 'active') return 'error';
  return 'waiting';
}

const deadlineOf = (options: StepOptions) => (options.timeoutMs ? Date.now() + options.timeoutMs : null);

/** `work`, or a rejection with a `timeout` error once `deadline` (ms since epoch) has passed. */
function beforeDeadline<T>(work: Promise<T>, deadline: number | null): Promise<T> {
  if (deadline === null) return work;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('step timeout')), Math.max(1, deadline - Date.now()));
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

const resultEvent = (outcome: EffectOutcome): EngineEvent =>
  outcome.ok ? { type: 'effect.done', output: outcome.output } : { type: 'effect.error', error: outcome.error };

/**
 * Runs one outside event through a conversation: restores its snapshot, sends the event, lets the flow
 * run until it waits for the visitor, pauses for an agent, ends, or reaches an external effect the host
 * defers (`pending`; its result comes back later as an `effect_result` event). Effects not deferred run
 * inside the step. Returns the bot's messages with the new snapshot. Never throws.
 */
export async function step(compiled: CompiledFlow, effects: EngineEffects, options: StepOptions): Promise<StepResult> {
  const parsed = EngineInput.safeParse(options.event);
  if (!parsed.success) return failure(options, 'invalid_event', 'The event sent to the bot is not valid.');
  const event = parsed.data;
  if (event.type === 'goto' && !compiled.blockIds.has(event.blockId))
    return failure(options, 'unknown_block', `The flow has no block "${event.blockId}".`);
  const saved = options.snapshot?.pending ?? null;
  if (event.type === 'effect_result' && saved?.id !== event.effectId)
    return failure(options, 'stale_effect_result', 'The bot no longer waits for this result.');
  const machine = compiled.machine;
  let restored: ReturnType<typeof restoreSnapshot> | null = null;
  if (options.snapshot) {
    restored = restoreSnapshot(compiled, machine, options.snapshot);
    if (!restored.ok) return failure(options, restored.code, restored.message);
  }
  const defer = options.defer ?? never;
  const newId = options.effectId ?? randomId;

  const outputs: MessageContent[] = [];
  let handoff: StepResult['handoff'];
  let actor: ReturnType<typeof createActor<FlowMachine>> | undefined;
  try {
    const path: string[] = [];
    const intents: IntentMatch[] = [];
    actor = createActor(machine, restored?.ok ? { snapshot: restored.snapshot } : {});
    bindEffects(actor.system, effects);
    // An error inside the machine settles it (status error, answered below); without an observer XState
    // would also rethrow it out of band and take the host process down.
    actor.subscribe({ error: () => {} });
    actor.on('output', (e) => outputs.push(e.content));
    actor.on('entered', (e) => path.push(e.blockId));
    actor.on('intent_matched', ({ blockId, intentId }) => {
      intents.push({ blockId, intentId, name: compiled.doc.intents.find((i) => i.id === intentId)?.name ?? intentId });
    });
    actor.on('handoff', (e) => {
      handoff = { blockId: e.blockId, settings: e.settings };
    });
    actor.start();
    const budget = {
      stepBudget: options.stepBudget ?? DEFAULT_STEP_BUDGET,
      messageBudget: options.messageBudget ?? DEFAULT_MESSAGE_BUDGET,
    };

    // The first event for the machine: a routed visitor message, or an effect's result.
    let next: EngineEvent;
    if (event.type === 'effect_result') {
      next = saved?.input
        ? { ...routeByOutcome(compiled, actor.getSnapshot(), saved.input, event.result), ...budget }
        : resultEvent(event.result);
    } else {
      const classify = options.routeIntents === false ? null : intentRequest(compiled, actor.getSnapshot(), event);
      if (classify && defer('classifyIntent')) {
        const pending: PendingEffect = { id: newId(), kind: 'classifyIntent', request: classify, input: event };
        return settle(compiled, actor, actor.getSnapshot(), { outputs, path, intents, pending });
      }
      const outcome = classify
        ? await beforeDeadline(runEffect(effects, 'classifyIntent', classify), deadlineOf(options))
        : null;
      next = {
        ...(outcome ? routeByOutcome(compiled, actor.getSnapshot(), event, outcome) : event),
        ...budget,
      } as EngineEvent;
    }

    let pending: PendingEffect | null = null;
    const deadline = deadlineOf(options);
    for (;;) {
      actor.send(next);
      const timeout = deadline === null ? {} : { timeout: Math.max(1, deadline - Date.now()) };
      const settled = await waitFor(actor, isSettled, timeout);
      if (settled.status !== 'active') return failure(options, 'engine_error', 'The bot stopped unexpectedly.');
      const wanted = settled.hasTag(TAGS.working) ? settled.context.pending : null;
      if (!wanted) break;
      if (saved && saved.seq === wanted.seq && event.type !== 'effect_result') {
        pending = saved; // Still waiting for the effect already in flight.
        break;
      }
      if (defer(wanted.kind)) {
        pending = { id: newId(), kind: wanted.kind, request: wanted.request, seq: wanted.seq };
        break;
      }
      next = resultEvent(await beforeDeadline(runEffect(effects, wanted.kind, wanted.request), deadline));
    }
    return settle(compiled, actor, actor.getSnapshot(), { outputs, path, intents, pending, handoff });
  } catch (cause) {
    const timedOut = cause instanceof Error && /timeout/i.test(cause.message);
    return timedOut
      ? failure(options, 'step_timeout', 'The bot took too long to answer.')
      : failure(options, 'engine_error', `The bot failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  } finally {
    actor?.stop();
  }
}

function settle(
  compiled: CompiledFlow,
  actor: ReturnType<typeof createActor<FlowMachine>>,
  settled: ReturnType<ReturnType<typeof createActor<FlowMachine>>['getSnapshot']>,
  parts: Pick<StepResult, 'outputs' | 'path' | 'intents' | 'pending' | 'handoff'>,
): StepResult {
  const context = settled.context;
  const status = parts.pending ? 'working' : statusOf(settled);
  const top = topState(settled.value);
  const activeBlockId = compiled.blockIds.has(top) ? top : status === 'error' ? (context.error?.blockId ?? null) : null;
  return {
    outputs: parts.outputs,
    snapshot: {
      flowId: compiled.flowId,
      flowVersionHash: compiled.flowVersionHash,
      status,
      activeBlockId,
      machine: actor.getPersistedSnapshot(),
      pending: parts.pending,
    },
    status,
    awaiting: settled.hasTag(TAGS.waiting) && !parts.pending ? context.awaiting : null,
    activeBlockId,
    path: parts.path,
    intents: parts.intents,
    variables: context.variables,
    pending: parts.pending,
    ...(parts.handoff ? { handoff: parts.handoff } : {}),
    ...(status === 'error' && context.error ? { error: context.error } : {}),
  };
}
