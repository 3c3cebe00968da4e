import type { KnowledgeSource } from '@flowdesk/contract';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/api';
import { knowledgeApi } from '../api/knowledge';
import { useToast } from '../app/toasts';
import { DeleteDialog } from '../ui/DeleteDialog';
import { formatDateTime } from '../ui/format';
import { safeUrl } from '../ui/safe-url';
import { isGone } from './fields';
import {
  chunkText,
  isBusy,
  KIND_LABELS,
  progressPercent,
  refreshText,
  STATUS_BADGE,
  STATUS_LABELS,
  statusText,
} from './source-view';

/** Pages or files that could not be read, each with the reason. */
function Failures({ source }: { source: KnowledgeSource }) {
  if (source.failures.length === 0) return null;
  return (
    <div className="kb-failures">
      <h4 id={`kb-failures-${source.id}`}>Could not be indexed</h4>
      <ul aria-labelledby={`kb-failures-${source.id}`}>
        {source.failures.map((failure, i) => (
          // The same page may fail twice (a sitemap and a link); the index keeps keys unique.
          // biome-ignore lint/suspicious/noArrayIndexKey: failures have no id and never reorder
          <li key={i}>
            <span className="kb-failure-item">{failure.item}</span>
            <span className="kb-failure-reason">{failure.reason}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One source: what it reads, its indexing state (a live bar while indexing), what failed, and its actions. */
export function SourceCard({
  source,
  justAdded = false,
  onChanged,
  onDeleted,
  onEdit,
}: {
  source: KnowledgeSource;
  /** Just added below the others: brought into view. */
  justAdded?: boolean;
  onChanged: (source: KnowledgeSource) => void;
  onDeleted: () => void;
  /** Opens the source's content to edit (Q&A, texts and websites; a file is uploaded again). */
  onEdit?: () => void;
}) {
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const [reindexing, setReindexing] = useState(false);
  const busy = isBusy(source);
  const href = source.url ? safeUrl(source.url) : null;
  const headingId = `kb-source-${source.id}`;
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (justAdded) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [justAdded]);

  async function reindex() {
    setReindexing(true);
    try {
      const answer = await knowledgeApi.reindex(api, source.id);
      // Indexing starts after the answer; show it as waiting so the page follows it until it settles.
      onChanged({ ...answer, status: 'pending' });
    } catch (error) {
      // Deleted meanwhile (another tab or admin): the card goes, instead of staying with a button that cannot work.
      if (isGone(error)) {
        toast.error(`“${source.title}” was already deleted`);
        onDeleted();
      } else toast.error(error);
    } finally {
      setReindexing(false);
    }
  }

  return (
    <article ref={ref} className="card kb-source" aria-labelledby={headingId}>
      <header className="kb-source-header">
        <span className="badge">{KIND_LABELS[source.kind]}</span>
        <h3 id={headingId}>{source.title}</h3>
        <span className={STATUS_BADGE[source.status]}>{STATUS_LABELS[source.status]}</span>
      </header>
      {source.url ? (
        <p className="kb-source-url">
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {source.url}
            </a>
          ) : (
            source.url
          )}
        </p>
      ) : null}
      <p className="kb-status" role="status">
        {statusText(source)}
      </p>
      {busy ? (
        <progress
          className="kb-progress"
          aria-label={`Indexing progress of ${source.title}`}
          max={Math.max(source.progress.total, 1)}
          value={source.progress.done}
          data-percent={progressPercent(source.progress)}
        />
      ) : null}
      <dl className="kb-facts">
        <div>
          <dt>Passages</dt>
          <dd>{source.chunkCount}</dd>
        </div>
        <div>
          <dt>Last indexed</dt>
          <dd>{source.indexedAt ? formatDateTime(source.indexedAt) : 'Not yet'}</dd>
        </div>
        {source.kind === 'web' ? (
          <div>
            <dt>Refresh</dt>
            <dd>{refreshText(source)}</dd>
          </div>
        ) : null}
      </dl>
      <Failures source={source} />
      <div className="kb-actions">
        {onEdit ? (
          <button type="button" className="btn btn-sm" onClick={onEdit} aria-label={`Edit ${source.title}`}>
            Edit
          </button>
        ) : null}
        <button type="button" className="btn btn-sm" onClick={reindex} disabled={busy || reindexing}>
          Re-index
        </button>
        <button type="button" className="btn btn-sm btn-danger" onClick={() => setConfirming(true)}>
          Delete
        </button>
      </div>
      {confirming ? (
        <DeleteDialog
          title="Delete knowledge source"
          confirmLabel="Delete source"
          name={source.title}
          // Already deleted elsewhere is what the admin asked for: the card goes too.
          remove={() =>
            knowledgeApi.remove(api, source.id).catch((error) => (isGone(error) ? null : Promise.reject(error)))
          }
          onClose={() => setConfirming(false)}
          onDeleted={onDeleted}
        >
          Delete <strong>{source.title}</strong> and its {chunkText(source.chunkCount)}? AI answers stop using it at
          once. This cannot be undone.
        </DeleteDialog>
      ) : null}
    </article>
  );
}
