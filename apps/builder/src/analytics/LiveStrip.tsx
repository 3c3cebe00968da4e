import { useEffect } from 'react';
import { ErrorState } from '../ui/states';
import { useAsync } from '../ui/use-async';
import { analyticsApi } from './analytics-api';
import { agentsWord } from './figures-format';

const REFRESH_MS = 30_000;

/** Right now (not the range): waiting for a person, nobody holding them, agents online; refreshed every 30 s. */
export function LiveStrip({ teamId }: { teamId: string }) {
  const live = useAsync(() => analyticsApi.live(teamId), [teamId]);
  const { reload } = live;
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  if (live.status === 'error') return <ErrorState error={live.error} onRetry={live.reload} />;
  const value = (pick: (v: { waiting: number; unassigned: number; agentsOnline: number }) => number) =>
    live.status === 'ready' ? String(pick(live.value)) : '…';
  return (
    <section className="analytics-live" aria-label="Right now">
      <span className="analytics-live-title">
        <span className="analytics-live-dot" aria-hidden="true" /> Right now
      </span>
      <span className="analytics-live-figure">
        <strong data-live="waiting">{value((v) => v.waiting)}</strong> waiting
      </span>
      <span className="analytics-live-figure">
        <strong data-live="unassigned">{value((v) => v.unassigned)}</strong> unassigned
      </span>
      <span className="analytics-live-figure">
        <strong data-live="online">{value((v) => v.agentsOnline)}</strong>{' '}
        {agentsWord(live.status === 'ready' ? live.value.agentsOnline : null)} online
      </span>
    </section>
  );
}
