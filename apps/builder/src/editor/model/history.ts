/**
 * Undo/redo of whole values (flow documents are immutable, so a step costs one pointer).
 * `transient` changes (a drag in progress) replace the present without a step; the next `commit`
 * records the value from before them. Commits with the same `coalesceKey` in a row (typing into one
 * field) merge into one step.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** The present before the first uncommitted transient change. */
  pending: T | null;
  lastKey: string | null;
}

export const HISTORY_LIMIT = 100;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], pending: null, lastKey: null };
}

export function commit<T>(history: History<T>, next: T, coalesceKey?: string): History<T> {
  if (next === history.present && history.pending === null) return history;
  if (coalesceKey && coalesceKey === history.lastKey && history.pending === null) {
    return { ...history, present: next, future: [] };
  }
  const before = history.pending ?? history.present;
  return {
    past: [...history.past, before].slice(-HISTORY_LIMIT),
    present: next,
    future: [],
    pending: null,
    lastKey: coalesceKey ?? null,
  };
}

export function transient<T>(history: History<T>, next: T): History<T> {
  return { ...history, present: next, pending: history.pending ?? history.present };
}

export function undo<T>(history: History<T>): History<T> {
  const settled = history.pending === null ? history : commit(history, history.present);
  const previous = settled.past.at(-1);
  if (previous === undefined) return settled;
  return {
    past: settled.past.slice(0, -1),
    present: previous,
    future: [settled.present, ...settled.future],
    pending: null,
    lastKey: null,
  };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest, pending: null, lastKey: null };
}

/** Starts over from a value loaded from elsewhere (e.g. a rollback) with no undo steps. */
export function reset<T>(value: T): History<T> {
  return createHistory(value);
}

export const canUndo = (h: History<unknown>) => h.past.length > 0 || h.pending !== null;
export const canRedo = (h: History<unknown>) => h.future.length > 0;
