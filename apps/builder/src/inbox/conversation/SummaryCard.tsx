import type { ConversationDetail } from '../inbox-api';
import { InboxIcon } from '../inbox-icons';

/** The AI summary of a handed-off conversation, read before replying, with its priority reason. */
export function SummaryCard({
  detail,
  onRegenerate,
  busy,
}: {
  detail: ConversationDetail;
  onRegenerate(): void;
  busy: boolean;
}) {
  const { summary, priority, priorityReason } = detail.conversation;
  return (
    <section className="summary-card" aria-label="AI summary">
      <div className="summary-head">
        <span className="summary-title">
          <InboxIcon name="sparkle" /> AI summary
        </span>
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          onClick={onRegenerate}
          disabled={busy}
          title="Write the summary again"
        >
          <InboxIcon name="refresh" size={13} /> Regenerate
        </button>
      </div>
      <p className="summary-text">{summary ?? 'Writing the summary…'}</p>
      {priority && priorityReason ? (
        <p className="summary-priority">
          <strong>{priority[0]!.toUpperCase() + priority.slice(1)} priority:</strong> {priorityReason}
        </p>
      ) : null}
    </section>
  );
}
