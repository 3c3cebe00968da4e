import type { FollowUp } from '@flowdesk/contract';
import { elapsedLabel } from './format-time';

const WHY: Record<FollowUp['reason'], string> = {
  outside_hours: 'Outside office hours',
  no_agent_online: 'Nobody was online',
  no_reply_in_time: 'No reply in time',
  contact_form: 'Left the contact form',
};

/** "Fri 4 Dec, 17:00": when the visitor was promised a reply, in the agent's own time zone. */
export function replyByLabel(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "Sun 15:00": the promised reply time, short enough for a list row. */
export function replyByShort(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
}

/** The list row's mark: waiting for follow-up, since when, and the promised reply time. */
export function FollowUpBadge({ followUp }: { followUp: FollowUp }) {
  const title = `${WHY[followUp.reason]}${followUp.replyDueAt ? ` · reply promised by ${replyByLabel(followUp.replyDueAt)}` : ''}`;
  return (
    <span className="follow-up-badge" title={title}>
      Follow-up
    </span>
  );
}

/** The conversation view's line: who is waiting for follow-up, why, since when and the promised reply time. */
export function FollowUpNotice({ followUp }: { followUp: FollowUp }) {
  return (
    <p className="follow-up-notice" role="status">
      <strong>Waiting for follow-up</strong> · {WHY[followUp.reason]} · waiting {elapsedLabel(followUp.since)}
      {followUp.replyDueAt ? (
        <>
          {' '}
          · reply promised by <time dateTime={followUp.replyDueAt}>{replyByLabel(followUp.replyDueAt)}</time>
        </>
      ) : null}
    </p>
  );
}
