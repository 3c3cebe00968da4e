import { useState } from 'react';
import { SubmitButton } from '../../ui/SubmitButton';
import { useSave } from '../../ui/use-submit';
import { type NotificationSettings, settingsApi } from '../settings-api';

const MINUTE_FIELDS = [
  { key: 'throttleMinutes', label: 'At most one "needs a human" email per conversation every (minutes)', max: 1440 },
  { key: 'unseenAfterMinutes', label: 'Email the assignee when a visitor message waits (minutes)', max: 1440 },
  { key: 'slaMinutes', label: 'Escalate to admins when a handoff waits (minutes)', max: 10080 },
] as const;

/** Workspace-wide rules (admins). */
export function WorkspaceNotifications({ initial }: { initial: NotificationSettings }) {
  const [draft, setDraft] = useState(initial);

  const { busy, save } = useSave(async () => {
    setDraft(await settingsApi.saveNotificationSettings(draft));
  }, 'Workspace notifications saved.');

  return (
    <form className="card settings-section" onSubmit={save}>
      <h2>Workspace rules</h2>
      <label className="field">
        <span>"Needs a human" emails go to</span>
        <select
          value={draft.needsAttentionTo}
          onChange={(e) => setDraft({ ...draft, needsAttentionTo: e.target.value as 'team' | 'all' })}
        >
          <option value="team">The conversation's team (everyone when it has none)</option>
          <option value="all">Every agent</option>
        </select>
      </label>
      {MINUTE_FIELDS.map((field) => (
        <label className="field" key={field.key}>
          <span>{field.label}</span>
          <input
            type="number"
            min={1}
            max={field.max}
            required
            value={draft[field.key]}
            onChange={(e) => setDraft({ ...draft, [field.key]: e.target.valueAsNumber })}
          />
        </label>
      ))}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.transcriptOnResolve}
          onChange={(e) => setDraft({ ...draft, transcriptOnResolve: e.target.checked })}
        />
        Email visitors a transcript when a conversation is resolved
      </label>
      <SubmitButton busy={busy} label="Save workspace rules" busyLabel="Saving…" />
    </form>
  );
}
