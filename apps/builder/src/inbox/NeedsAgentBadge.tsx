import { useInboxLive, useMentionToasts } from './use-inbox-live';

/** The nav badge: how many conversations need an agent right now (live). Also shows mention toasts app-wide. */
export function NeedsAgentBadge() {
  const live = useInboxLive();
  useMentionToasts();
  const count = live.counts?.needs_agent ?? 0;
  if (count === 0) return null;
  return (
    <strong className="nav-badge" title={`${count} need an agent`}>
      {count > 99 ? '99+' : count}
      <span className="visually-hidden"> need an agent</span>
    </strong>
  );
}
