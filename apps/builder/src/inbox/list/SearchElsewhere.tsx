import { useEffect, useState } from 'react';
import { type InboxFilter, inboxApi } from '../inbox-api';

/** Where a search looks next when the open filter has no match: the open conversations, then the resolved ones. */
const WIDER: InboxFilter[] = ['all', 'resolved'];
const PAGE = 50;

/**
 * The empty list of a search: says the open filter has no match, and offers the filters that do ("Show 1 in
 * Resolved"), so a resolved conversation is found from the "Needs agent" tab too.
 */
export function SearchElsewhere({
  filter,
  query,
  labels,
  onFilter,
}: {
  filter: InboxFilter;
  query: string;
  labels: Record<InboxFilter, string>;
  onFilter(filter: InboxFilter): void;
}) {
  const [found, setFound] = useState<Array<{ filter: InboxFilter; count: number }> | null>(null);
  useEffect(() => {
    let cancelled = false;
    setFound(null);
    Promise.all(
      WIDER.filter((other) => other !== filter).map((other) =>
        inboxApi.list(other, query, PAGE).then(({ conversations }) => ({ filter: other, count: conversations.length })),
      ),
    ).then(
      (counts) => !cancelled && setFound(counts.filter((item) => item.count > 0)),
      () => !cancelled && setFound([]),
    );
    return () => {
      cancelled = true;
    };
  }, [filter, query]);
  return (
    <div className="inbox-empty" role="status">
      <p>
        No conversation in {labels[filter]} matches “{query}”.
      </p>
      {found?.map((item) => (
        <button key={item.filter} type="button" className="btn btn-sm" onClick={() => onFilter(item.filter)}>
          Show {item.count >= PAGE ? `${PAGE}+` : item.count} in {labels[item.filter]}
        </button>
      ))}
    </div>
  );
}
