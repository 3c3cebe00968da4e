import { useState } from 'react';
import { useUser } from '../../app/auth';
import { PriorityBadge, StatusBadge } from '../badges';
import { elapsedLabel } from '../format-time';
import { type ConversationDetail, inboxApi } from '../inbox-api';
import { InboxIcon } from '../inbox-icons';
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
  const [handingBack, setHandingBack] = useState(false);
  const { conversation } = detail;
  const id = conversation.id;
  const mine = conversation.status === 'agent' && conversation.assignee?.id === user.id;
  const canHandBack = conversation.status !== 'bot' && detail.handBackTargets.length > 0;

  return (
    <header className="conversation-header">
      <div className="conversation-title">
        <h2>{visitorName}</h2>
        <div className="row">
          <StatusBadge status={conversation.status} />
          <PriorityBadge priority={conversation.priority} reason={conversation.priorityReason} />
          <span className="hint">
            {conversation.status === 'needs_agent' && conversation.handedOffAt
              ? `Waiting ${elapsedLabel(conversation.handedOffAt)}`
              : conversation.assignee
                ? `With ${conversation.assignee.name}`
                : conversation.team
                  ? `${conversation.team.name} team`
                  : `${conversation.bot.name}`}
          </span>
        </div>
      </div>
      <div className="conversation-actions">
        {!mine ? (
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
