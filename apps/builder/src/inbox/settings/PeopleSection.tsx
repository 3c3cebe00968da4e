import { type FormEvent, useState } from 'react';
import { useUser } from '../../app/auth';
import { useToast } from '../../app/toasts';
import { Icon } from '../../ui/icons';
import { type Teammate, teamAdminApi } from '../inbox-api';

/** The workspace's people: add agents and admins, change roles, remove. */
export function PeopleSection({ users, onChanged }: { users: Teammate[]; onChanged(): void }) {
  const me = useUser();
  const toast = useToast();
  const [draft, setDraft] = useState({ name: '', email: '', password: '', role: 'agent' as 'admin' | 'agent' });

  async function run(action: Promise<unknown>, done: string) {
    try {
      await action;
      toast.success(done);
      onChanged();
    } catch (error) {
      toast.error(error);
    }
  }

  function add(event: FormEvent) {
    event.preventDefault();
    void run(teamAdminApi.createUser(draft), `${draft.name} can now sign in.`).then(() =>
      setDraft({ name: '', email: '', password: '', role: 'agent' }),
    );
  }

  return (
    <section className="card settings-section" aria-label="People">
      <h2>People</h2>
      <ul className="people-list">
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
              onClick={() => run(teamAdminApi.deleteUser(user.id), `${user.name} was removed.`)}
            >
              <Icon name="trash" size={16} />
            </button>
          </li>
        ))}
      </ul>
      <form className="add-person" onSubmit={add} aria-label="Add a person">
        <h3>Add a person</h3>
        <input
          aria-label="Name"
          placeholder="Name"
          required
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
        <input
          aria-label="Password"
          type="password"
          placeholder="Initial password (8+ characters)"
          minLength={8}
          required
          value={draft.password}
          onChange={(e) => setDraft({ ...draft, password: e.target.value })}
        />
        <div className="row">
          <select
            aria-label="Role"
            value={draft.role}
            onChange={(e) => setDraft({ ...draft, role: e.target.value as 'admin' | 'agent' })}
          >
            <option value="agent">Agent</option>
            <option value="admin">Admin</option>
          </select>
          <button type="submit" className="btn btn-primary">
            Add
          </button>
        </div>
      </form>
    </section>
  );
}
