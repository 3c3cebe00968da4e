import type { Invite } from '@flowdesk/contract';
import { useState } from 'react';
import { useUser } from '../../app/auth';
import { useToast } from '../../app/toasts';
import { InvitesPanel } from '../../people/InvitesPanel';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Icon } from '../../ui/icons';
import { useChange } from '../../ui/use-submit';
import { type Teammate, teamAdminApi } from '../inbox-api';

/** The workspace's people: change roles, remove, and invite by email (invited people choose their password). */
export function PeopleSection({
  users,
  invites,
  teams,
  onChanged,
}: {
  users: Teammate[];
  invites: Invite[];
  teams: Array<{ id: string; name: string }>;
  onChanged(): void;
}) {
  const me = useUser();
  const run = useChange(onChanged);
  const toast = useToast();
  // Removing is asked first: one click on the bin signed a teammate out and unassigned their conversations.
  const [removing, setRemoving] = useState<Teammate | null>(null);

  return (
    <section className="card settings-section" aria-label="People">
      <h2>People</h2>
      <ul className="person-list people-list">
        {users.map((user) => (
          <li key={user.id}>
            <span className={`presence-dot presence-${user.presence}`} title={user.presence} />
            <span className="grow">
              <strong>{user.name}</strong>
              <small>{user.email}</small>
            </span>
            <select
              aria-label={`Role of ${user.name}`}
              value={user.role}
              disabled={user.id === me.id}
              onChange={(event) =>
                run(
                  teamAdminApi.updateUser(user.id, { role: event.target.value as 'admin' | 'agent' }),
                  `${user.name} is now ${event.target.value}.`,
                )
              }
            >
              <option value="agent">Agent</option>
              <option value="admin">Admin</option>
            </select>
            <button
              type="button"
              className="btn btn-ghost btn-icon btn-danger"
              aria-label={`Remove ${user.name}`}
              disabled={user.id === me.id}
              onClick={() => setRemoving(user)}
            >
              <Icon name="trash" size={16} />
            </button>
          </li>
        ))}
      </ul>
      {removing ? (
        <ConfirmDialog
          title={`Remove ${removing.name}?`}
          confirmLabel="Remove"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await teamAdminApi.deleteUser(removing.id);
            toast.success(`${removing.name} was removed.`);
            setRemoving(null);
            onChanged();
          }}
        >
          {removing.name} ({removing.email}) is signed out at once and can no longer sign in. Conversations assigned to
          them become unassigned.
        </ConfirmDialog>
      ) : null}
      <InvitesPanel invites={invites} teams={teams} onChanged={onChanged} />
    </section>
  );
}
