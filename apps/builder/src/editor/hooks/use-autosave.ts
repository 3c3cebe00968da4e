import type { FlowDocument } from '@flowdesk/flow-schema';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/api';
import { flowsApi } from '../../api/flows';
import { useToast } from '../../app/toasts';
import { holdClosingSave } from '../closing-saves';
import { isRetryable, retryDelayMs } from './retry-delay';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error';

const AUTOSAVE_DELAY_MS = 800;

/**
 * Saves the draft shortly after each change, over the version it was loaded from: when another tab or admin saved
 * since, the server refuses (409, its words in the toast) and nothing is overwritten; reloading shows theirs.
 * Saves run one after another (never out of order);
 * `flush()` saves now and resolves once the server has the current document. A failed save is retried
 * on its own with growing pauses (see retryDelayMs) until it succeeds or the next edit saves.
 */
export function useAutosave(flowId: string, doc: FlowDocument, enabled: boolean, loadedUpdatedAt?: string) {
  const toast = useToast();
  const [status, setStatus] = useState<SaveStatus>('saved');
  /** Failed saves in a row; the toast is shown for the first only. */
  const [failures, setFailures] = useState(0);
  const failuresRef = useRef(0);
  /** The last failure may go away by itself (network, server), so a retry is scheduled. */
  const [retrying, setRetrying] = useState(false);
  const saved = useRef(doc);
  /** When the draft this editor builds on was saved: another tab's or admin's later save is not overwritten. */
  const base = useRef(loadedUpdatedAt);
  const latest = useRef(doc);
  const chain = useRef<Promise<void>>(Promise.resolve());
  latest.current = doc;

  const save = useCallback((): Promise<void> => {
    chain.current = chain.current.then(async () => {
      const target = latest.current;
      if (target === saved.current) {
        setStatus('saved'); // e.g. undone back to what the server has
        return;
      }
      setStatus('saving');
      try {
        const { flow } = await flowsApi.saveDraft(api, flowId, target, base.current);
        base.current = flow.updatedAt;
        saved.current = target;
        failuresRef.current = 0;
        setFailures(0);
        setStatus(latest.current === target ? 'saved' : 'unsaved');
      } catch (error) {
        failuresRef.current += 1;
        setFailures(failuresRef.current);
        setRetrying(isRetryable(error));
        setStatus('error');
        if (failuresRef.current === 1) toast.error(error);
        throw error;
      }
    });
    const result = chain.current;
    chain.current = chain.current.catch(() => undefined);
    return result;
  }, [flowId, toast]);

  useEffect(() => {
    if (!enabled) return;
    if (doc === saved.current) {
      // Back to what the server has (undo + redo): nothing to send, but the status must say so. Through the
      // chain, so a save still running for another document is followed by one for this document.
      void save().catch(() => undefined);
      return;
    }
    setStatus('unsaved');
    const timer = window.setTimeout(() => void save().catch(() => undefined), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [doc, enabled, save]);

  useEffect(() => {
    if (!enabled || status !== 'error' || failures === 0 || !retrying) return;
    const timer = window.setTimeout(() => void save().catch(() => undefined), retryDelayMs(failures));
    return () => window.clearTimeout(timer);
  }, [enabled, status, failures, retrying, save]);

  // Leaving the editor inside the app (back to the flows, the sidebar) unmounts it, which cancels the delayed save
  // above; the pending change is sent now instead of being dropped, and the flows list waits for it.
  useEffect(
    () => () => {
      if (latest.current !== saved.current) holdClosingSave(save());
    },
    [save],
  );

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current !== saved.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  /** The server already holds this document (loaded or rolled back), saved at `updatedAt`. */
  const markSaved = useCallback((value: FlowDocument, updatedAt?: string) => {
    saved.current = value;
    if (updatedAt) base.current = updatedAt;
    failuresRef.current = 0;
    setFailures(0);
    setStatus('saved');
  }, []);

  return { status, retrying: status === 'error' && retrying, flush: save, markSaved };
}
