import type { Invite, InviteRequest } from '@flowdesk/contract';
import { type FormEvent, useState } from 'react';
import { SubmitButton } from '../ui/SubmitButton';
import { useChange } from '../ui/use-submit';
import { peopleApi } from './people-api';

type Role = 'admin' | 'agent';
const EMPTY = { name: '', email: '', role: 'agent' as Role, teamIds: [] as string[] };

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * People invited by email who have not chosen their password yet (resend, withdraw), and the invite form:
 * name, email, role and teams. The invitee gets a link that works once, for 72 hours.
 */
export function InvitesPanel({
  invites,
  teams,
  onChanged,
}: {
  invites: Invite[];
  teams: Array<{ id: string; name: string }>;
  onChanged(): void;
}) {
  const [draft, setDraft] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const run = useChange(onChanged);

  async function invite(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const body: InviteRequest = { ...draft };
    if (await run(peopleApi.invite(body), `Invite sent to ${draft.email}.`)) setDraft(EMPTY);
    setBusy(false);
  }

  const toggleTeam = (id: string, on: boolean) =>
    setDraft({ ...draft, teamIds: on ? [...draft.teamIds, id] : draft.teamIds.filter((t) => t !== id) });

  return (
    <>
      {invites.length > 0 ? (
        <ul className="person-list invite-list" aria-label="Invited">
          {invites.map((item) => (
            <li key={item.id}>
              <span className="grow">
                <strong>{item.name}</strong>
                <small>
                  {item.email} · {item.role === 'admin' ? 'Admin' : 'Agent'}
                </small>
              </span>
              <span
                className={item.status === 'expired' ? 'invite-badge expired' : 'invite-badge'}
                title={item.status === 'expired' ? `Link expired ${when(item.expiresAt)}` : `Sent ${when(item.sentAt)}`}
              >
                {item.status === 'expired' ? 'Invite expired' : 'Invited'}
              </span>
              <button
                type="button"
                className="btn btn-ghost"
                aria-label={`Resend the invite to ${item.name}`}
                onClick={() => run(peopleApi.resendInvite(item.id), `A new invite is on its way to ${item.email}.`)}
              >
                Resend
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-danger"
                aria-label={`Withdraw the invite to ${item.name}`}
                onClick={() => run(peopleApi.revokeInvite(item.id), `The invite to ${item.email} was withdrawn.`)}
              >
                Withdraw
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form className="add-person" onSubmit={invite} aria-label="Invite a person">
        <h3>Invite a person</h3>
        <p className="hint">They get an email with a link to choose their password (valid 72 hours, once).</p>
        <input
          aria-label="Name"
          placeholder="Name"
          required
          maxLength={100}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <input
          aria-label="Email"
          type="email"
          placeholder="Email"
          required
          value={draft.email}
          onChange={(e) => setDraft({ ...draft, email: e.target.value })}
        />
        {teams.length > 0 ? (
          <fieldset className="invite-teams">
            <legend className="visually-hidden">Teams</legend>
            {teams.map((team) => (
              <label key={team.id}>
                <input
                  type="checkbox"
                  checked={draft.teamIds.includes(team.id)}
                  onChange={(e) => toggleTeam(team.id, e.target.checked)}
                />{' '}
                {team.name}
              </label>
            ))}
          </fieldset>
        ) : null}
        <div className="row">
          <select
            aria-label="Role"
            value={draft.role}
            onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}
          >
            <option value="agent">Agent</option>
            <option value="admin">Admin</option>
          </select>
          <SubmitButton busy={busy} label="Send invite" busyLabel="Sending…" />
        </div>
      </form>
    </>
  );
}
