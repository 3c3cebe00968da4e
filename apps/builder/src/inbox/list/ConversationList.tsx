import { useEffect, useRef, useState } from 'react';
import { useToast } from '../../app/toasts';
import { ErrorState, Spinner } from '../../ui/states';
import { type InboxFilter, type InboxRow, inboxApi } from '../inbox-api';
import { inboxLive } from '../inbox-live';
import { useInboxLive } from '../use-inbox-live';
import { AgentStatus } from './AgentStatus';
import { ConversationRow } from './ConversationRow';

const PAGE = 50;

const FILTERS: Array<{ id: InboxFilter; label: string }> = [
  { id: 'needs_agent', label: 'Needs agent' },
  { id: 'mine', label: 'Mine' },
  { id: 'my_teams', label: 'My teams' },
  { id: 'unassigned', label: 'Unassigned' },
  { id: 'all', label: 'All' },
  { id: 'resolved', label: 'Resolved' },
];

interface Props {
  filter: InboxFilter;
  onFilter(filter: InboxFilter): void;
  query: string;
  onQuery(query: string): void;
  selectedId: string | null;
}

/** The live conversation list: filters with counts, search, rows sorted by priority then waiting time. */
export function ConversationList({ filter, onFilter, query, onQuery, selectedId }: Props) {
  const live = useInboxLive();
  const toast = useToast();
  const [rows, setRows] = useState<InboxRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [search, setSearch] = useState(query);
  const [limit, setLimit] = useState(PAGE);
  const [, setTick] = useState(0);
  const loaded = useRef(false);
  const version = live.version;

  // Reload on filter/search change and whenever the live connection reports a change.
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(
      () => {
        inboxApi.list(filter, query, limit).then(
          ({ conversations, counts }) => {
            if (cancelled) return;
            inboxLive.remember(conversations.map((c) => ({ ...c, assigneeId: c.assignee?.id ?? null })));
            inboxLive.setCounts(counts);
            loaded.current = true;
            setRows(conversations);
            setError(null);
          },
          (failure: unknown) => !cancelled && setError(failure),
        );
      },
      // Live changes come in bursts (message + state); coalesce them into one reload.
      loaded.current && version > 0 ? 50 : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [filter, query, version, limit]);

  // Waiting times tick every 30 s.
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => onQuery(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search, onQuery]);

  return (
    <section className="inbox-list" aria-label="Conversations">
      <header className="inbox-list-header">
        <h1>Conversations</h1>
        <AgentStatus onError={toast.error} />
      </header>
      <div className="inbox-filters" role="tablist" aria-label="Filters">
        {FILTERS.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            aria-selected={filter === item.id}
            className={filter === item.id ? 'filter active' : 'filter'}
            onClick={() => onFilter(item.id)}
          >
            {item.label}
            {live.counts && item.id !== 'resolved' ? (
              <span className={item.id === 'needs_agent' && live.counts[item.id] > 0 ? 'count count-alert' : 'count'}>
                {live.counts[item.id]}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <div className="inbox-search">
        <input
          type="search"
          placeholder="Search name, email or message"
          aria-label="Search conversations"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        {!live.connected ? (
          <span className="badge badge-warning" title="Reconnecting to live updates">
            Offline
          </span>
        ) : null}
      </div>
      <div className="inbox-rows">
        {error ? (
          <ErrorState error={error} />
        ) : rows === null ? (
          <Spinner label="Loading conversations…" />
        ) : rows.length === 0 ? (
          <p className="inbox-empty">{query ? 'No conversation matches your search.' : 'Nothing here. Nice work!'}</p>
        ) : (
          <>
            <ul>
              {rows.map((row) => (
                <ConversationRow key={row.id} row={row} selected={row.id === selectedId} filter={filter} />
              ))}
            </ul>
            {rows.length >= limit ? (
              <button type="button" className="btn btn-ghost btn-block" onClick={() => setLimit(limit + PAGE)}>
                Show more
              </button>
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}
