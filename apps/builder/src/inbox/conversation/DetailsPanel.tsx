import type { Priority } from '@flowdesk/contract';
import { capturedVariables } from '@flowdesk/flow-schema';
import { useToast } from '../../app/toasts';
import { formatDateTime } from '../../ui/format';
import { LabelledSelect, type SelectOption } from '../../ui/Select';
import { StatusBadge } from '../badges';
import { describeBrowser } from '../format-time';
import { type ConversationDetail, inboxApi, type Team, type Teammate } from '../inbox-api';
import { inboxLive } from '../inbox-live';
import { useInboxLive } from '../use-inbox-live';
import { RatingSection } from './RatingSection';
import { VariableList } from './VariableList';

const PRIORITIES: Priority[] = ['urgent', 'high', 'medium', 'low'];

const PRESENCE_MARK = { online: ' ● online', away: ' ◐ away', offline: '' } as const;

/** A labelled select whose empty option clears the value; named by its label alone, not its hint. */
function Choice(props: {
  label: string;
  value: string;
  empty: string;
  options: SelectOption<string>[];
  hint?: string | null;
  onChange(value: string): void;
}) {
  return <LabelledSelect aria-label={props.label} {...props} />;
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
  useInboxLive(); // presence changes re-render the assignee choices
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
        <Choice
          label="Priority"
          value={conversation.priority ?? ''}
          empty="None"
          options={PRIORITIES.map((p) => ({ value: p, label: p[0]!.toUpperCase() + p.slice(1) }))}
          hint={conversation.priorityReason}
          onChange={(value) => run(inboxApi.setPriority(conversation.id, (value || null) as Priority | null))}
        />
        <Choice
          label="Assignee"
          value={conversation.assignee?.id ?? ''}
          empty="Unassigned"
          options={teammates.map((person) => ({
            value: person.id,
            label: `${person.name}${PRESENCE_MARK[inboxLive.presenceOf(person.id, person.presence)]}`,
          }))}
          onChange={(value) => run(inboxApi.assign(conversation.id, { assigneeId: value || null }))}
        />
        <Choice
          label="Team"
          value={conversation.team?.id ?? ''}
          empty="No team"
          options={teams.map((team) => ({ value: team.id, label: team.name }))}
          onChange={(value) => run(inboxApi.assign(conversation.id, { teamId: value || null }))}
        />
      </section>
      <RatingSection rating={conversation.rating} />
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
      <VariableList title="Captured by the bot" values={capturedVariables(conversation.variables, visitor.variables)} />
      <VariableList title="Set by the website" values={visitor.variables} />
    </aside>
  );
}
