import type { ReactNode } from 'react';
import type { AsyncState } from './use-async';

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      {children ? <p>{children}</p> : null}
      {action}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="empty-state error-state" role="alert">
      <h2>Something went wrong</h2>
      <p>{error instanceof Error ? error.message : String(error)}</p>
      {onRetry ? (
        <button type="button" className="btn" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** What a loader shows: a spinner, then its error with a retry, or `children` with what it loaded. */
export function Loaded<T>({
  data,
  loadingLabel,
  children,
}: {
  data: AsyncState<T> & { reload: () => void };
  loadingLabel?: string;
  children: (value: T) => ReactNode;
}) {
  if (data.status === 'loading') return <Spinner label={loadingLabel} />;
  if (data.status === 'error') return <ErrorState error={data.error} onRetry={data.reload} />;
  return children(data.value);
}
