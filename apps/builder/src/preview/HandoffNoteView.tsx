import { useEffect, useState } from 'react';
import type { AiSummaryOutcome, AiSummaryState } from './preview-ai-summary';
import type { HandoffPreview } from './preview-effects';

/** The runtime's answer once it is in (undefined while the AI is writing). */
function useAiOutcome(state: AiSummaryState | undefined): AiSummaryOutcome | undefined {
  const [outcome, setOutcome] = useState(state?.outcome);
  useEffect(() => {
    if (!state || state.outcome) return;
    let live = true;
    void state.done.then((result) => {
      if (live) setOutcome(result);
    });
    return () => {
      live = false;
    };
  }, [state]);
  return state?.outcome ?? outcome;
}

function SummaryText({ handoff, outcome }: { handoff: HandoffPreview; outcome: AiSummaryOutcome | undefined }) {
  if (!handoff.ai) return <>{handoff.summary}</>;
  if (!outcome) return <span className="hint preview-handoff-loading">Writing summary…</span>;
  if (outcome.ok)
    return (
      <>
        <span className="preview-handoff-ai-summary">{outcome.summary}</span>
        <small className="hint preview-handoff-source">
          {' '}
          — written by the runtime’s {outcome.provider === 'openai' ? 'AI model' : 'offline summarizer'}, as for a live
          handoff; nothing was stored.
        </small>
      </>
    );
  return (
    <>
      {handoff.summary}
      <small className="hint preview-handoff-fallback">
        {' '}
        — The AI summary could not be written ({outcome.error}); this rough summary was made in the browser.
      </small>
    </>
  );
}

/** What a live handoff would do: the summary agents would read, the priority, the team and who gets an email. */
export function HandoffNoteView({ handoff }: { handoff: HandoffPreview }) {
  const outcome = useAiOutcome(handoff.ai);
  const aiPriority = outcome?.ok && outcome.priority ? outcome : null;
  return (
    <dl className="preview-handoff" aria-label="What the handoff would do" aria-busy={handoff.ai && !outcome}>
      <dt>{handoff.ai ? 'Summary' : 'Preview summary'}</dt>
      <dd className="preview-handoff-summary">
        <SummaryText handoff={handoff} outcome={outcome} />
      </dd>
      <dt>Priority</dt>
      <dd className="preview-handoff-priority">
        {aiPriority ? (
          <>
            {aiPriority.priority}
            <small className="hint preview-handoff-priority-reason"> — {aiPriority.reason}</small>
          </>
        ) : (
          handoff.priority
        )}
      </dd>
      <dt>Team</dt>
      <dd className="preview-handoff-team">{handoff.team}</dd>
      <dt>Would email</dt>
      <dd className="preview-handoff-recipients">
        {handoff.recipients === null
          ? 'the team’s agents (the list could not be loaded)'
          : handoff.recipients.length === 0
            ? 'nobody: the team has no members'
            : handoff.recipients.join(', ')}
        <small className="hint"> — each person’s email alert settings apply. Nothing is sent from the preview.</small>
      </dd>
    </dl>
  );
}
