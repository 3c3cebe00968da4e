import type { ConversationStatus, Priority } from '@flowdesk/contract';

const STATUS_LABEL: Record<ConversationStatus, string> = {
  bot: 'Bot',
  needs_agent: 'Needs agent',
  agent: 'With agent',
  resolved: 'Resolved',
};

export function StatusBadge({ status }: { status: ConversationStatus }) {
  return <span className={`status-badge status-${status}`}>{STATUS_LABEL[status]}</span>;
}

export function PriorityBadge({ priority, reason }: { priority: Priority | null; reason?: string | null }) {
  if (!priority) return null;
  return (
    <span className={`priority-badge priority-${priority}`} title={reason ?? undefined}>
      {priority}
    </span>
  );
}
