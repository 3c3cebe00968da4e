import type { AuditEntry } from '@flowdesk/contract';
import { Link } from '../../app/router';
import { TableHead } from '../../ui/TableHead';
import { actionLabel, fieldLabel } from './action-labels';
import { absoluteTime, relativeTime } from './relative-time';

/** How a kind of target reads in a row ("flow", "team"…); unknown kinds as stored. */
const KIND: Record<string, string> = {
  flows: 'flow',
  bots: 'bot',
  teams: 'team',
  users: 'person',
  invites: 'invite',
  'canned-responses': 'canned response',
  knowledge: 'knowledge source',
  'office-hours': 'office hours',
  ai: 'AI settings',
  'email.settings': 'email settings',
  'email.outbox': 'email',
};

/** The target of an action, by its name when it still has one (the id on hover); a flow links to its editor. */
function Target({ entry }: { entry: AuditEntry }) {
  if (!entry.targetType) return <span className="hint">—</span>;
  const kind = KIND[entry.targetType] ?? entry.targetType;
  const label = entry.targetName ? (
    <strong title={entry.targetId ?? undefined}>{entry.targetName}</strong>
  ) : entry.targetId ? (
    <code className="audit-id">{entry.targetId}</code>
  ) : null;
  if (entry.targetType === 'flows' && entry.targetId && entry.action !== 'flows.delete') {
    return (
      <Link
        to={`/flows/${encodeURIComponent(entry.targetId)}`}
        aria-label={`Open flow ${entry.targetName ?? entry.targetId}`}
      >
        {kind} {label}
      </Link>
    );
  }
  return (
    <span>
      {kind} {label}
    </span>
  );
}

function Fields({ fields }: { fields: unknown }) {
  const names = Array.isArray(fields) ? fields.filter((name): name is string => typeof name === 'string') : [];
  if (names.length === 0) return <span className="hint">—</span>;
  return <span className="audit-fields">fields: {names.map(fieldLabel).join(', ')}</span>;
}

/** One row per admin action: when, who, what, on which target, which fields were sent. */
export function AuditTable({ entries, now }: { entries: AuditEntry[]; now: number }) {
  return (
    <table className="table audit-table" aria-label="Audit log">
      <TableHead columns={['When', 'Who', 'Action', 'Target', 'Details']} />
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id} data-action={entry.action}>
            <td className="audit-when">
              <time dateTime={entry.createdAt} title={absoluteTime(entry.createdAt)}>
                {relativeTime(entry.createdAt, now)}
              </time>
            </td>
            <td>
              <strong>{entry.actor.name ?? 'Removed user'}</strong>
              {entry.actor.email ? <div className="hint">{entry.actor.email}</div> : null}
            </td>
            <td>{actionLabel(entry.action)}</td>
            <td>
              <Target entry={entry} />
            </td>
            <td>
              <Fields fields={entry.data.fields} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
