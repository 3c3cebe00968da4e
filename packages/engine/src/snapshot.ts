import type { Snapshot } from 'xstate';
import { z } from 'zod';
import type { CompiledFlow, FlowMachine } from './compile';
import type { ExternalEffectKind } from './effects';
import type { EngineInput } from './engine-input';
import { STATES } from './machine/types';

export type StepStatus = 'waiting' | 'working' | 'handoff' | 'ended' | 'error';

/** An external effect the conversation waits for; the host runs it and answers with an `effect_result`. */
export interface PendingEffect {
  /** Unique; the host stores the effect under it and applies a result only when it still matches. */
  id: string;
  kind: ExternalEffectKind;
  request: unknown;
  /** The machine's number for the effect (absent while a typed message waits for intent matching). */
  seq?: number;
  /** Intent matching: the visitor input to route once the text is classified. */
  input?: EngineInput;
}

/** A conversation's saved state: JSON-safe, tagged with the flow version it ran on. */
export interface PersistedSnapshot {
  flowId: string;
  flowVersionHash: string;
  /** Where the conversation stands, readable without compiling the flow. */
  status: StepStatus;
  activeBlockId: string | null;
  /** XState's persisted snapshot; its shape is the engine's business. */
  machine: Snapshot<unknown>;
  /** Set while the conversation waits for an external effect (status `working`). */
  pending?: PendingEffect | null;
}

/** The status saved in a snapshot (null when it is not one), e.g. to restart a finished conversation. */
export function snapshotStatus(snapshot: unknown): StepStatus | null {
  const status = (snapshot as { status?: unknown } | null)?.status;
  return status === 'waiting' ||
    status === 'working' ||
    status === 'handoff' ||
    status === 'ended' ||
    status === 'error'
    ? status
    : null;
}

/** The effect a saved snapshot waits for, or null. */
export function pendingEffect(snapshot: unknown): PendingEffect | null {
  const pending = (snapshot as { pending?: PendingEffect | null } | null)?.pending;
  return pending && typeof pending.id === 'string' ? pending : null;
}

const PersistedShape = z.object({
  flowId: z.string(),
  flowVersionHash: z.string(),
  // Optional: snapshots saved before these fields existed still resume.
  status: z.enum(['waiting', 'working', 'handoff', 'ended', 'error']).optional(),
  activeBlockId: z.string().nullable().optional(),
  machine: z.object({
    status: z.literal('active'),
    value: z.union([z.string(), z.record(z.string(), z.unknown())]),
    context: z.record(z.string(), z.unknown()),
  }),
});

export type RestoreResult = { ok: true; snapshot: Snapshot<unknown> } | { ok: false; code: string; message: string };

const engineStates = new Set<string>(Object.values(STATES));

/**
 * The machine snapshot to resume from. Same flow version: as saved. A newer version of the same flow:
 * the same block and variables, if that block still exists (a published edit must not strand visitors).
 */
export function restoreSnapshot(compiled: CompiledFlow, machine: FlowMachine, saved: unknown): RestoreResult {
  const parsed = PersistedShape.safeParse(saved);
  if (!parsed.success)
    return { ok: false, code: 'invalid_snapshot', message: 'The saved conversation state is damaged.' };
  const { data } = parsed;
  if (data.flowId !== compiled.flowId)
    return { ok: false, code: 'snapshot_flow_mismatch', message: 'The saved conversation belongs to another flow.' };
  // The shape check strips unknown keys; resume from the snapshot exactly as saved.
  const original = (saved as PersistedSnapshot).machine;
  const value = data.machine.value;
  // Checked first: XState throws an unknown state out of band (an uncaught exception), not to the caller.
  if (!valueExists(machine.root, value))
    return {
      ok: false,
      code: 'snapshot_incompatible',
      message: 'The block this conversation was waiting at no longer exists in the published flow.',
    };
  if (data.flowVersionHash === compiled.flowVersionHash) return { ok: true, snapshot: original };
  const top = typeof value === 'string' ? value : (Object.keys(value)[0] ?? '');
  if (!engineStates.has(top) && !compiled.blockIds.has(top))
    return {
      ok: false,
      code: 'snapshot_incompatible',
      message: 'The block this conversation was waiting at no longer exists in the published flow.',
    };
  try {
    const context = data.machine.context as unknown as Parameters<FlowMachine['resolveState']>[0]['context'];
    return { ok: true, snapshot: machine.resolveState({ value: value as never, context }) as Snapshot<unknown> };
  } catch {
    return {
      ok: false,
      code: 'snapshot_incompatible',
      message: 'The block this conversation was waiting at changed too much in the published flow.',
    };
  }
}

interface StateNodeLike {
  states: Record<string, StateNodeLike>;
}

/** Whether every state named in a (possibly nested) state value exists in the machine. */
function valueExists(node: StateNodeLike, value: unknown): boolean {
  if (typeof value === 'string') return Object.hasOwn(node.states, value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(
    ([key, child]) => Object.hasOwn(node.states, key) && valueExists(node.states[key]!, child),
  );
}
