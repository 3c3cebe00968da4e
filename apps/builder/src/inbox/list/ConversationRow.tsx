import { Link } from '../../app/router';
import { PriorityBadge, StatusBadge } from '../badges';
import { FollowUpBadge, replyByShort } from '../follow-up';
import { elapsedLabel } from '../format-time';
import { type InboxFilter, type InboxRow, visitorLabel } from '../inbox-api';

/** One conversation in the list: who, last message, status, priority, waiting time, assignee. */
export function ConversationRow({ row, selected, filter }: { row: InboxRow; selected: boolean; filter: InboxFilter }) {
  const name = visitorLabel(row.visitor, row.id);
  const time = row.waitingSince
    ? `waiting ${elapsedLabel(row.waitingSince)}`
    : elapsedLabel(filter === 'resolved' ? row.resolvedAt : (row.lastMessage?.createdAt ?? row.updatedAt));
  const preview = row.lastMessage
    ? `${row.lastMessage.author === 'visitor' ? '' : `${row.lastMessage.authorName ?? row.lastMessage.author}: `}${row.lastMessage.text}`
    : 'No messages yet';
  return (
    <li>
      <Link
        to={`/inbox/${row.id}`}
        className={`inbox-row${selected ? ' selected' : ''}${row.unread > 0 ? ' unread' : ''}`}
        aria-current={selected ? 'true' : undefined}
        data-conversation-id={row.id}
      >
        <span className="avatar visitor-avatar" aria-hidden="true">
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="inbox-row-main">
          <span className="inbox-row-top">
            <strong className="inbox-row-name">{name}</strong>
            <span className={row.waitingSince ? 'inbox-row-time waiting' : 'inbox-row-time'}>{time}</span>
          </span>
          <span className="inbox-row-preview" dir="auto">
            {preview}
          </span>
          <span className="inbox-row-meta">
            <StatusBadge status={row.status} />
            {row.followUp ? <FollowUpBadge followUp={row.followUp} /> : null}
            <PriorityBadge priority={row.priority} />
            {row.followUp?.replyDueAt ? (
              <span className="inbox-row-due">reply by {replyByShort(row.followUp.replyDueAt)}</span>
            ) : null}
            <span className="inbox-row-assignee">
              {row.assignee ? row.assignee.name : row.team ? row.team.name : 'Unassigned'}
            </span>
            {row.unread > 0 ? (
              <span className="unread-dot" title={`${row.unread} unread`}>
                {row.unread}
                <span className="visually-hidden"> unread</span>
              </span>
            ) : null}
          </span>
        </span>
      </Link>
    </li>
  );
}
