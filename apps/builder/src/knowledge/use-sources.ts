import type { KnowledgeSource } from '@flowdesk/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/api';
import { knowledgeApi } from '../api/knowledge';
import { anyBusy, POLL_MS, upsertSource } from './source-view';

type State =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; sources: KnowledgeSource[] };

/**
 * The workspace's sources, asked again every second while any is pending or indexing (and no longer once none
 * is). A poll answer that left the page before a local change (an added or deleted source) is dropped and asked
 * again, so it never hides what the admin just did.
 */
export function useKnowledgeSources() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const changes = useRef(0);

  const fetchList = useCallback(async () => {
    const at = changes.current;
    const { sources } = await knowledgeApi.list(api);
    return at === changes.current ? sources : null;
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the reload trigger
  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    knowledgeApi.list(api).then(
      ({ sources }) => !cancelled && setState({ status: 'ready', sources }),
      (error: unknown) => !cancelled && setState({ status: 'error', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const [tick, setTick] = useState(0);
  const busy = state.status === 'ready' && anyBusy(state.sources);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each answer (state) or retry (tick) schedules the next poll
  useEffect(() => {
    if (!busy) return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      fetchList().then(
        (sources) => {
          if (cancelled) return;
          if (sources) setState({ status: 'ready', sources });
          else setTick((n) => n + 1);
        },
        // A failed poll keeps what is shown and tries again on the next tick.
        () => !cancelled && setTick((n) => n + 1),
      );
    }, POLL_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [busy, state, tick, fetchList]);

  const change = useCallback((update: (sources: KnowledgeSource[]) => KnowledgeSource[]) => {
    changes.current++;
    setState((previous) =>
      previous.status === 'ready' ? { status: 'ready', sources: update(previous.sources) } : previous,
    );
  }, []);

  return {
    state,
    reload: useCallback(() => setAttempt((n) => n + 1), []),
    /** A source added or answered anew (re-index): shown at once, then polled. */
    put: useCallback((source: KnowledgeSource) => change((list) => upsertSource(list, source)), [change]),
    removed: useCallback((id: string) => change((list) => list.filter((s) => s.id !== id)), [change]),
  };
}
