import type { Priority } from '@flowdesk/contract';
import { useToast } from '../../app/toasts';
import { formatDateTime } from '../../ui/format';
import { StatusBadge } from '../badges';
import { describeBrowser } from '../format-time';
import { type ConversationDetail, inboxApi, type Team, type Teammate } from '../inbox-api';

const PRIORITIES: Priority[] = ['urgent', 'high', 'medium', 'low'];

function Variables({ title, values }: { title: string; values: Record<string, unknown> }) {
  const entries = Object.entries(values);
  return (
    <section className="panel-section">
      <h3>{title}</h3>
      {entries.length === 0 ? (
        <p className="hint">None yet.</p>
      ) : (
        <dl className="kv">
          {entries.map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/** Right-hand panel: status, priority, assignee and team selectors, visitor details and variables. */
export function DetailsPanel({
  detail,
  teammates,
  teams,
  onChanged,
}: {
  detail: ConversationDetail;
  teammates: Teammate[];
  teams: Team[];
  onChanged(): void;
}) {
  const toast = useToast();
  const { conversation, visitor } = detail;
  const run = (action: Promise<unknown>) =>
    action.then(onChanged, (error: unknown) => {
      toast.error(error);
      onChanged();
    });

  return (
    <aside className="inbox-panel" aria-label="Conversation details">
      <section className="panel-section">
        <h3>Conversation</h3>
        <div className="panel-row">
          <span>Status</span>
          <StatusBadge status={conversation.status} />
        </div>
        <label className="field">
          <span>Priority</span>
          <select
            aria-label="Priority"
            value={conversation.priority ?? ''}
            onChange={(event) =>
              run(inboxApi.setPriority(conversation.id, (event.target.value || null) as Priority | null))
            }
          >
            <option value="">None</option>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {priority[0]!.toUpperCase() + priority.slice(1)}
              </option>
            ))}
          </select>
          {conversation.priorityReason ? <small>{conversation.priorityReason}</small> : null}
        </label>
        <label className="field">
          <span>Assignee</span>
          <select
            aria-label="Assignee"
            value={conversation.assignee?.id ?? ''}
            onChange={(event) => run(inboxApi.assign(conversation.id, { assigneeId: event.target.value || null }))}
          >
            <option value="">Unassigned</option>
            {teammates.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name} {person.presence === 'online' ? '● online' : person.presence === 'away' ? '◐ away' : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Team</span>
          <select
            aria-label="Team"
            value={conversation.team?.id ?? ''}
            onChange={(event) => run(inboxApi.assign(conversation.id, { teamId: event.target.value || null }))}
          >
            <option value="">No team</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
      </section>
      <section className="panel-section">
        <h3>Visitor</h3>
        <dl className="kv">
          <div>
            <dt>Name</dt>
            <dd>{visitor.name ?? '—'}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{visitor.email ? <a href={`mailto:${visitor.email}`}>{visitor.email}</a> : '—'}</dd>
          </div>
          <div>
            <dt>Page</dt>
            <dd className="break">
              {visitor.pageUrl && /^https?:\/\//.test(visitor.pageUrl) ? (
                <a href={visitor.pageUrl} target="_blank" rel="noopener noreferrer">
                  {visitor.pageUrl}
                </a>
              ) : (
                (visitor.pageUrl ?? '—')
              )}
            </dd>
          </div>
          <div>
            <dt>Browser</dt>
            <dd title={visitor.userAgent ?? undefined}>{describeBrowser(visitor.userAgent)}</dd>
          </div>
          <div>
            <dt>Language</dt>
            <dd>{visitor.locale ?? '—'}</dd>
          </div>
          <div>
            <dt>First seen</dt>
            <dd>{formatDateTime(visitor.firstSeenAt)}</dd>
          </div>
        </dl>
      </section>
      <Variables title="Captured by the bot" values={conversation.variables} />
      <Variables title="Set by the website" values={visitor.variables} />
    </aside>
  );
}
