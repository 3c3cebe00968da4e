import { useUser } from '../../app/auth';
import { useAsync } from '../../ui/use-async';
import { SettingsFrame } from '../SettingsFrame';
import { settingsApi } from '../settings-api';
import { MyNotifications } from './MyNotifications';
import { WorkspaceNotifications } from './WorkspaceNotifications';

/** My email notifications; admins also edit the workspace's rules. */
export function NotificationsPage() {
  const user = useUser();
  const isAdmin = user.role === 'admin';
  const data = useAsync(
    () =>
      Promise.all([settingsApi.preferences(), isAdmin ? settingsApi.notificationSettings() : Promise.resolve(null)]),
    [isAdmin],
  );
  return (
    <SettingsFrame intro="Which emails you get about conversations." data={data}>
      {([preferences, workspace]) => (
        <div className="settings-grid">
          <MyNotifications initial={preferences} />
          {workspace ? <WorkspaceNotifications initial={workspace} /> : null}
        </div>
      )}
    </SettingsFrame>
  );
}
