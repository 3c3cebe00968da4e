import type { HandoffPreview } from './preview-effects';

/** What a live handoff would do: the summary agents would read, the priority, the team and who gets an email. */
export function HandoffNoteView({ handoff }: { handoff: HandoffPreview }) {
  return (
    <dl className="preview-handoff" aria-label="What the handoff would do">
      <dt>Preview summary</dt>
      <dd className="preview-handoff-summary">{handoff.summary}</dd>
      <dt>Priority</dt>
      <dd className="preview-handoff-priority">{handoff.priority}</dd>
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
