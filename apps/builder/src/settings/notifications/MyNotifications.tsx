import { useState } from 'react';
import { useToast } from '../../app/toasts';
import { type Preferences, settingsApi } from '../settings-api';
import { eventLabel } from './event-labels';

/** The signed-in user's email notifications, each saved as soon as it is switched. */
export function MyNotifications({ initial }: { initial: Preferences }) {
  const toast = useToast();
  const [prefs, setPrefs] = useState(initial);
  const [saving, setSaving] = useState<string | null>(null);

  async function toggle(event: string, enabled: boolean) {
    setSaving(event);
    try {
      setPrefs(await settingsApi.savePreferences({ [event]: enabled }));
    } catch (error) {
      toast.error(error);
    } finally {
      setSaving(null);
    }
  }

  return (
    <section className="card settings-section">
      <h2>Email me when…</h2>
      <ul className="toggle-list">
        {Object.entries(prefs).map(([event, enabled]) => {
          const label = eventLabel(event);
          return (
            <li key={event}>
              <label className="toggle-row">
                <input
                  type="checkbox"
                  role="switch"
                  aria-checked={enabled}
                  checked={enabled}
                  disabled={saving === event}
                  onChange={(e) => toggle(event, e.target.checked)}
                />
                <span>
                  <strong>{label.title}</strong>
                  {label.hint ? <span className="hint">{label.hint}</span> : null}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
