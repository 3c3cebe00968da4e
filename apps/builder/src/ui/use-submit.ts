import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/client';

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
