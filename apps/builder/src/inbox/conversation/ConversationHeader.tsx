import { useState } from 'react';
import { useUser } from '../../app/auth';
import { Link } from '../../app/router';
import { PriorityBadge, StatusBadge } from '../badges';
import { elapsedLabel } from '../format-time';
import { type ConversationDetail, inboxApi } from '../inbox-api';
import { InboxIcon } from '../inbox-icons';
import { inboxLive } from '../inbox-live';
import { useInboxLive } from '../use-inbox-live';
import { HandBackDialog } from './HandBackDialog';

/** Who the visitor is, where the conversation stands, and the take over / hand back / resolve actions. */
export function ConversationHeader({
  detail,
  visitorName,
  busy,
  act,
}: {
  detail: ConversationDetail;
  visitorName: string;
  busy: boolean;
  act(action: () => Promise<unknown>, done?: string): Promise<void>;
}) {
  const user = useUser();
  useInboxLive(); // the assignee's presence follows the socket
  const [handingBack, setHandingBack] = useState(false);
  const { conversation } = detail;
  const assignee = conversation.assignee;
  const presence = assignee ? inboxLive.presenceOf(assignee.id, assignee.presence) : null;
  const id = conversation.id;
  const mine = conversation.status === 'agent' && conversation.assignee?.id === user.id;
  const canHandBack = conversation.status !== 'bot' && detail.handBackTargets.length > 0;

  return (
    <header className="conversation-header">
      {/* On a phone the list gives way to the open conversation: this leads back to it. */}
      <Link to="/inbox" className="conversation-back">
        ← Conversations
      </Link>
      <div className="conversation-title">
        <h2>{visitorName}</h2>
        <div className="row">
          <StatusBadge status={conversation.status} />
          <PriorityBadge priority={conversation.priority} reason={conversation.priorityReason} />
          {conversation.status === 'needs_agent' && conversation.handedOffAt ? (
            <span className="hint">Waiting {elapsedLabel(conversation.handedOffAt)}</span>
          ) : null}
          {assignee && presence ? (
            <span className={`hint presence-label presence-${presence}`} data-user-id={assignee.id}>
              <span className="presence-dot" aria-hidden="true" />
              With {assignee.name} · {presence}
            </span>
          ) : conversation.status !== 'needs_agent' ? (
            <span className="hint">{conversation.team ? `${conversation.team.name} team` : conversation.bot.name}</span>
          ) : null}
        </div>
      </div>
      <div className="conversation-actions">
        {!mine && conversation.status !== 'resolved' ? (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() => act(() => inboxApi.takeOver(id), 'You joined the conversation.')}
          >
            <InboxIcon name="hand" /> Take over
          </button>
        ) : null}
        {canHandBack ? (
          <button type="button" className="btn" disabled={busy} onClick={() => setHandingBack(true)}>
            <InboxIcon name="back" /> Hand back to bot
          </button>
        ) : null}
        {conversation.status === 'resolved' ? (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            title="Open it again, with you as the assignee"
            onClick={() => act(() => inboxApi.reopen(id), 'Conversation reopened. It is yours.')}
          >
            <InboxIcon name="back" /> Reopen
          </button>
        ) : null}
        {conversation.status !== 'resolved' ? (
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => act(() => inboxApi.resolve(id), 'Conversation resolved.')}
          >
            <InboxIcon name="check" /> Resolve
          </button>
        ) : null}
      </div>
      {handingBack ? (
        <HandBackDialog
          targets={detail.handBackTargets}
          onClose={() => setHandingBack(false)}
          onConfirm={async ({ blockId, end }) => {
            setHandingBack(false);
            await act(
              () => inboxApi.handBack(id, blockId, end),
              end ? 'Conversation ended.' : 'The bot has the conversation again.',
            );
          }}
        />
      ) : null}
    </header>
  );
}
