import type { HandoffSummary } from '@flowdesk/contract';
import { FollowUpNotice } from '../follow-up';
import type { ConversationDetail } from '../inbox-api';
import { InboxIcon } from '../inbox-icons';

/** The structured summary: problem, what the bot tried, captured details, tone, next step. */
function StructuredSummary({ summary }: { summary: HandoffSummary }) {
  return (
    <dl className="summary-text summary-fields">
      <dt>Problem</dt>
      <dd className="summary-problem">{summary.problem}</dd>
      {summary.botTried.length > 0 ? (
        <>
          <dt>Bot already tried</dt>
          <dd>
            <ul>
              {summary.botTried.map((answer) => (
                <li key={answer}>{answer}</li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {summary.details.length > 0 ? (
        <>
          <dt>Details</dt>
          <dd className="summary-details">
            {summary.details.map((detail) => (
              <span key={`${detail.label}:${detail.value}`}>
                <span className="summary-detail-label">{detail.label}</span> {detail.value}
              </span>
            ))}
          </dd>
        </>
      ) : null}
      <dt>Tone</dt>
      <dd className={`summary-tone tone-${summary.tone}`}>{summary.tone}</dd>
      <dt>Next step</dt>
      <dd className="summary-next">{summary.nextStep}</dd>
    </dl>
  );
}

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
  const { summary, summaryData, priority, priorityReason, followUp } = detail.conversation;
  return (
    <section className="summary-card" aria-label="AI summary">
      {followUp ? <FollowUpNotice followUp={followUp} /> : null}
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
      {summaryData ? (
        <StructuredSummary summary={summaryData} />
      ) : (
        <p className="summary-text">{summary ?? 'Writing the summary…'}</p>
      )}
      {priority && priorityReason ? (
        <p className="summary-priority">
          <strong>{priority[0]!.toUpperCase() + priority.slice(1)} priority:</strong> {priorityReason}
        </p>
      ) : null}
    </section>
  );
}
