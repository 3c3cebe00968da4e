import { type FormEvent, useState } from 'react';
import { useToast } from '../../app/toasts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Icon } from '../../ui/icons';
import { useChange } from '../../ui/use-submit';
import { type Team, type Teammate, teamAdminApi } from '../inbox-api';

/** Teams: name, members (checkboxes), the default team for handoffs without one. */
export function TeamsSection({ teams, users, onChanged }: { teams: Team[]; users: Teammate[]; onChanged(): void }) {
  const [name, setName] = useState('');
  const run = useChange(onChanged);
  const toast = useToast();
  // Deleting is asked first: one click on Delete dropped the team, and with it where handoffs were routed.
  const [deleting, setDeleting] = useState<Team | null>(null);

  function create(event: FormEvent) {
    event.preventDefault();
    void run(
      teamAdminApi.createTeam({ name, memberIds: [], isDefault: teams.length === 0 }),
      `Team ${name} created.`,
    ).then((created) => {
      // A refused name (taken, too long) stays in the box to correct.
      if (created) setName('');
    });
  }

  const toggle = (team: Team, userId: string) =>
    run(
      teamAdminApi.updateTeam(team.id, {
        memberIds: team.memberIds.includes(userId)
          ? team.memberIds.filter((id) => id !== userId)
          : [...team.memberIds, userId],
      }),
    );

  return (
    <section className="card settings-section" aria-label="Teams">
      <h2>Teams</h2>
      {teams.length === 0 ? (
        <p className="hint">No teams yet. Handoffs stay unassigned until someone takes them.</p>
      ) : null}
      {teams.map((team) => (
        <fieldset key={team.id} className="team-card">
          <legend>
            {team.name} {team.isDefault ? <span className="badge">Default</span> : null}
          </legend>
          <div className="team-members">
            {users.map((user) => (
              <label key={user.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={team.memberIds.includes(user.id)}
                  onChange={() => toggle(team, user.id)}
                />
                {user.name}
              </label>
            ))}
          </div>
          <div className="row">
            {!team.isDefault ? (
              <button
                type="button"
                className="btn btn-sm"
                onClick={() =>
                  run(teamAdminApi.updateTeam(team.id, { isDefault: true }), `${team.name} is the default team.`)
                }
              >
                Make default
              </button>
            ) : null}
            <button
              type="button"
              className="btn btn-sm btn-danger"
              aria-label={`Delete team ${team.name}`}
              onClick={() => setDeleting(team)}
            >
              <Icon name="trash" size={14} /> Delete
            </button>
          </div>
        </fieldset>
      ))}
      {deleting ? (
        <ConfirmDialog
          title={`Delete the team ${deleting.name}?`}
          confirmLabel="Delete team"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await teamAdminApi.deleteTeam(deleting.id);
            toast.success(`Team ${deleting.name} deleted.`);
            setDeleting(null);
            onChanged();
          }}
        >
          Its people stay in the workspace; conversations routed to it are left without a team.
          {deleting.isDefault
            ? ' It is the default team: handoffs without a team will stay unassigned until another team is made the default.'
            : ''}
        </ConfirmDialog>
      ) : null}
      <form className="row" onSubmit={create} aria-label="New team">
        <input
          aria-label="Team name"
          placeholder="New team, e.g. Billing"
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
          className="grow"
        />
        <button type="submit" className="btn btn-primary">
          <Icon name="plus" /> Add team
        </button>
      </form>
    </section>
  );
}
