import { useEffect, useRef, useState } from 'react';
import { useUser } from '../../app/auth';
import { useToast } from '../../app/toasts';
import { ErrorState, Spinner } from '../../ui/states';
import { Tab } from '../../ui/Tab';
import { type InboxFilter, type InboxRow, inboxApi } from '../inbox-api';
import { inboxLive } from '../inbox-live';
import { useInboxLive } from '../use-inbox-live';
import { AgentStatus } from './AgentStatus';
import { ConversationRow } from './ConversationRow';
import { keepOpenRow, type OpenRow, openRowOf } from './keep-open';
import { SearchElsewhere } from './SearchElsewhere';

const PAGE = 50;
const known = (id: string) => inboxLive.known.get(id);

/** Each filter's tab label, in the order the tabs show. */
const FILTER_LABELS: Record<InboxFilter, string> = {
  needs_agent: 'Needs agent',
  mine: 'Mine',
  my_teams: 'My teams',
  unassigned: 'Unassigned',
  all: 'All',
  resolved: 'Resolved',
};
const FILTERS = Object.keys(FILTER_LABELS) as InboxFilter[];

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
  const user = useUser();
  // The open conversation stays where it was after a reply moves it out of this filter, until the agent
  // opens another one, changes the filter or searches.
  const open = useRef<OpenRow | null>(null);
  const selected = useRef(selectedId);
  selected.current = selectedId;
  // biome-ignore lint/correctness/useExhaustiveDependencies: forgets the kept row whenever the agent moves on.
  useEffect(() => {
    open.current = null;
  }, [selectedId, filter, query]);

  // Reload on filter/search change and whenever the live connection reports a change.
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(
      () => {
        inboxApi.list(filter, query, limit).then(
          ({ conversations, counts, unread }) => {
            if (cancelled) return;
            inboxLive.remember(conversations.map((c) => ({ ...c, assigneeId: c.assignee?.id ?? null })));
            inboxLive.setCounts(counts, unread);
            loaded.current = true;
            open.current = openRowOf(conversations, selected.current) ?? open.current;
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

  // What the list shows: the server's rows, plus the open conversation where it was (see keepOpenRow).
  const me = { id: user.id, name: user.name };
  const shown = rows ? keepOpenRow(rows, selectedId, open.current, known, me).rows : null;
  useEffect(() => {
    inboxLive.order = shown?.map((row) => row.id) ?? [];
  });

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
        {FILTERS.map((id) => (
          <Tab key={id} className="filter" selected={filter === id} onSelect={() => onFilter(id)}>
            {FILTER_LABELS[id]}
            {live.counts && id !== 'resolved' ? (
              <span className={id === 'needs_agent' && live.counts[id] > 0 ? 'count count-alert' : 'count'}>
                {live.counts[id]}
              </span>
            ) : null}
          </Tab>
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
        ) : shown === null ? (
          <Spinner label="Loading conversations…" />
        ) : shown.length === 0 ? (
          query ? (
            <SearchElsewhere filter={filter} query={query} labels={FILTER_LABELS} onFilter={onFilter} />
          ) : (
            <p className="inbox-empty">Nothing here. Nice work!</p>
          )
        ) : (
          <>
            <ul>
              {shown.map((row) => (
                <ConversationRow
                  key={row.id}
                  row={{ ...row, unread: live.unreadOf(row) }}
                  selected={row.id === selectedId}
                  filter={filter}
                />
              ))}
            </ul>
            {(rows?.length ?? 0) >= limit ? (
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
