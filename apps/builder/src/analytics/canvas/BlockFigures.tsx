import { dropOffPercent } from './block-totals';
import { useCanvasAnalytics } from './canvas-analytics';

/** On a block in analytics mode: reached, left here (drop-off), handed off; nothing when the mode is off. */
export function BlockFigures({ blockId }: { blockId: string }) {
  const { on, totals } = useCanvasAnalytics();
  if (!on || !totals) return null;
  const figures = totals.get(blockId) ?? { reached: 0, visits: 0, droppedOff: 0, handedOff: 0 };
  const dropOff = dropOffPercent(figures);
  return (
    <dl className="block-figures" data-testid={`figures-${blockId}`}>
      <div title={`${figures.visits} visits in all (loops count each time)`}>
        <dt>reached</dt>
        <dd data-figure="reached">{figures.reached}</dd>
      </div>
      <div title={dropOff ? `${dropOff} of those who reached it` : undefined}>
        <dt>left here</dt>
        <dd data-figure="dropped" className={figures.droppedOff > 0 ? 'has-drop-off' : undefined}>
          {figures.droppedOff}
        </dd>
      </div>
      <div>
        <dt>handed off</dt>
        <dd data-figure="handed">{figures.handedOff}</dd>
      </div>
    </dl>
  );
}

/** The toolbar's switch into and out of analytics mode, with what the figures cover. */
export function AnalyticsModeToggle() {
  const { on, toggle, totals, problem } = useCanvasAnalytics();
  return (
    <>
      <button
        type="button"
        className={on ? 'btn btn-sm analytics-mode-on' : 'btn btn-ghost btn-sm'}
        aria-pressed={on}
        title="Show, on each block, the visitors who reached it, left there or were handed off (all published versions)"
        onClick={toggle}
      >
        Analytics
      </button>
      {on && problem ? (
        <span className="analytics-mode-problem" role="alert">
          Figures unavailable: {problem}
        </span>
      ) : on && !totals ? (
        <span className="analytics-mode-problem" role="status">
          Loading figures…
        </span>
      ) : null}
    </>
  );
}
