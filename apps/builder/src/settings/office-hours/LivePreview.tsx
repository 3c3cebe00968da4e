import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type OfficePreview, type Schedule, settingsApi } from '../settings-api';

/** "Open now until … / Opens … at …" for the unsaved schedule, from the runtime (debounced). */
export function LivePreview({ schedule }: { schedule: Schedule | null }) {
  const [state, setState] = useState<{ preview?: OfficePreview; error?: string }>({});
  const key = JSON.stringify(schedule);
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      settingsApi.preview(JSON.parse(key) as Schedule | null).then(
        (preview) => !cancelled && setState({ preview }),
        (error: unknown) => !cancelled && setState({ error: errorMessage(error) }),
      );
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key]);

  if (state.error) {
    return (
      <p className="oh-preview badge-error" role="alert">
        {state.error}
      </p>
    );
  }
  if (!state.preview) return <p className="oh-preview hint">Checking…</p>;
  const { open, description } = state.preview;
  return (
    <p
      className={open ? 'oh-preview badge-success' : 'oh-preview badge-warning'}
      role="status"
      data-testid="office-preview"
    >
      <span className="oh-dot" aria-hidden="true" />
      {open ? null : <strong>Closed now.</strong>}
      <span>{description}</span>
    </p>
  );
}
