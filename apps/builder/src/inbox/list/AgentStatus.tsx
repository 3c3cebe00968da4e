import { useState } from 'react';
import { useUser } from '../../app/auth';
import { inboxApi, type Presence } from '../inbox-api';
import { InboxIcon } from '../inbox-icons';
import { inboxLive } from '../inbox-live';
import { enableNotifications, setSoundEnabled, soundEnabled } from '../notify';

/** The agent's own presence (online / away) and alert preferences. */
export function AgentStatus({ onError }: { onError(error: unknown): void }) {
  const user = useUser() as { presence?: Presence };
  const [presence, setPresence] = useState<Presence>(user.presence === 'away' ? 'away' : 'online');
  const [sound, setSound] = useState(soundEnabled());
  const [permission, setPermission] = useState(
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );

  async function change(next: Presence) {
    setPresence(next);
    if (next === 'online' || next === 'away') inboxLive.choosePresence(next);
    try {
      await inboxApi.setPresence(next);
    } catch (error) {
      onError(error);
    }
  }

  return (
    <div className="agent-status">
      <label className={`presence presence-${presence}`}>
        <span className="presence-dot" aria-hidden="true" />
        <select aria-label="My status" value={presence} onChange={(event) => change(event.target.value as Presence)}>
          <option value="online">Online</option>
          <option value="away">Away</option>
        </select>
      </label>
      <button
        type="button"
        className={sound ? 'btn btn-ghost btn-icon toggle-on' : 'btn btn-ghost btn-icon'}
        aria-pressed={sound}
        title={sound ? 'Sound on' : 'Sound off'}
        aria-label="Sound alerts"
        onClick={() => {
          setSound(!sound);
          setSoundEnabled(!sound);
        }}
      >
        <InboxIcon name={sound ? 'bell' : 'bellOff'} />
      </button>
      {permission === 'default' ? (
        <button
          type="button"
          className="btn btn-sm"
          title="Show a desktop notification for new handoffs and messages"
          onClick={async () => setPermission(await enableNotifications())}
        >
          Alerts
        </button>
      ) : null}
    </div>
  );
}
