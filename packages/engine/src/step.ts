import type { MessageContent } from '@flowdesk/contract';
import type { HumanHandoffData, Variables } from '@flowdesk/flow-schema';
import { type AnyMachineSnapshot, createActor, type InspectionEvent, waitFor } from 'xstate';
import type { CompiledFlow, FlowMachine } from './compile';
import type { EngineEffects } from './effects';
import { EngineInput } from './engine-input';
import { routeIntent } from './intent-routing';
import { bindEffects } from './machine/effect-actors';
import { DEFAULT_STEP_BUDGET, type EngineContext, type EngineError, TAGS } from './machine/types';
import { type PersistedSnapshot, restoreSnapshot, type StepStatus } from './snapshot';

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
  /** Set when a handoff happened in this step. */
  handoff?: { blockId: string; settings: HumanHandoffData };
  error?: EngineError;
}

export interface StepOptions {
  snapshot: PersistedSnapshot | null;
  event: EngineInput;
  /** Most blocks entered in this step before it stops with `step_budget_exceeded` (default 100). */
  stepBudget?: number;
  /** Give up waiting for slow effects after this many milliseconds (default: wait for them). */
  timeoutMs?: number;
}

const SETTLED_TAGS = Object.values(TAGS);
const isSettled = (s: AnyMachineSnapshot) => s.status !== 'active' || SETTLED_TAGS.some((tag) => s.hasTag(tag));

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
    variables: context?.variables ?? {},
    error: { code, message },
  };
}

function statusOf(s: AnyMachineSnapshot): StepStatus {
  if (s.hasTag(TAGS.handoff)) return 'handoff';
  if (s.hasTag(TAGS.ended)) return 'ended';
  if (s.hasTag(TAGS.error) || s.status !== 'active') return 'error';
  return 'waiting';
}

/**
 * Runs one outside event through a conversation: restores its snapshot, sends the event, lets the flow
 * run (calling the host's effects) until it waits for the visitor, pauses for an agent or ends, and
 * returns the bot's messages with the new snapshot. Never throws.
 */
export async function step(compiled: CompiledFlow, effects: EngineEffects, options: StepOptions): Promise<StepResult> {
  const event = EngineInput.safeParse(options.event);
  if (!event.success) return failure(options, 'invalid_event', 'The event sent to the bot is not valid.');
  if (event.data.type === 'goto' && !compiled.blockIds.has(event.data.blockId))
    return failure(options, 'unknown_block', `The flow has no block "${event.data.blockId}".`);
  const machine = compiled.machine;
  let restored: ReturnType<typeof restoreSnapshot> | null = null;
  if (options.snapshot) {
    restored = restoreSnapshot(compiled, machine, options.snapshot);
    if (!restored.ok) return failure(options, restored.code, restored.message);
  }

  const outputs: MessageContent[] = [];
  let handoff: StepResult['handoff'];
  let actor: ReturnType<typeof createActor<FlowMachine>> | undefined;
  try {
    const path: string[] = [];
    const inspect = (e: InspectionEvent) => {
      if (e.type !== '@xstate.microstep') return;
      for (const t of e._transitions)
        for (const target of t.target ?? []) if (compiled.blockIds.has(target.id)) path.push(target.id);
    };
    actor = createActor(machine, { inspect, ...(restored?.ok ? { snapshot: restored.snapshot } : {}) });
    bindEffects(actor.system, effects);
    actor.on('output', (e) => outputs.push(e.content));
    actor.on('handoff', (e) => {
      handoff = { blockId: e.blockId, settings: e.settings };
    });
    actor.start();
    const input = await routeIntent(compiled, effects, actor.getSnapshot(), event.data);
    actor.send({ ...input, stepBudget: options.stepBudget ?? DEFAULT_STEP_BUDGET });
    const settled = await waitFor(actor, isSettled, options.timeoutMs ? { timeout: options.timeoutMs } : {});
    if (settled.status !== 'active') return failure(options, 'engine_error', 'The bot stopped unexpectedly.');
    const context = settled.context;
    const status = statusOf(settled);
    const top = topState(settled.value);
    const activeBlockId = compiled.blockIds.has(top)
      ? top
      : status === 'error'
        ? (context.error?.blockId ?? null)
        : null;
    return {
      outputs,
      snapshot: {
        flowId: compiled.flowId,
        flowVersionHash: compiled.flowVersionHash,
        status,
        activeBlockId,
        machine: actor.getPersistedSnapshot(),
      },
      status,
      awaiting: settled.hasTag(TAGS.waiting) ? context.awaiting : null,
      activeBlockId,
      path,
      variables: context.variables,
      ...(handoff ? { handoff } : {}),
      ...(status === 'error' && context.error ? { error: context.error } : {}),
    };
  } catch (cause) {
    const timedOut = cause instanceof Error && /timeout/i.test(cause.message);
    return timedOut
      ? failure(options, 'step_timeout', 'The bot took too long to answer.')
      : failure(options, 'engine_error', `The bot failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  } finally {
    actor?.stop();
  }
}
