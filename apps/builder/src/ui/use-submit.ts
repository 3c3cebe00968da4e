import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/client';
import { useToast } from '../app/toasts';

/**
 * A form's submit handler: keeps the page from reloading, runs `action` with the form busy and shows why it
 * failed. `action` may instead return a message: a check that failed before anything was sent.
 */
export function useSubmit(action: () => Promise<string | undefined>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const problem = await action();
      if (problem) setError(problem);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, submit };
}

/**
 * Runs a change a settings list then reloads for: `done` as a toast (when given) and `onChanged`, or the failure
 * as a toast. Resolves whether the change was made.
 */
export function useChange(onChanged: () => void) {
  const toast = useToast();
  return async function run(action: Promise<unknown>, done?: string): Promise<boolean> {
    try {
      await action;
      if (done) toast.success(done);
      onChanged();
      return true;
    } catch (error) {
      toast.error(error);
      return false;
    }
  };
}

/** A settings form's save: busy while `action` runs, then `saved` as a toast, or the failure as one. */
export function useSave(action: () => Promise<void>, saved: string) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  async function save(event?: FormEvent) {
    event?.preventDefault();
    setBusy(true);
    try {
      await action();
      toast.success(saved);
    } catch (error) {
      toast.error(error);
    } finally {
      setBusy(false);
    }
  }
  return { busy, save };
}
