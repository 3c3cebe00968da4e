import { RangePicker } from '../RangePicker';
import { type BlockTotals, dropOffPercent } from './block-totals';
import { useCanvasAnalytics } from './canvas-analytics';

const NONE: BlockTotals = { reached: 0, visits: 0, droppedOff: 0, handedOff: 0, intents: [] };

/** Under an intent trigger or a Match Intent block: how often each intent matched there. */
function IntentMatches({ blockId, intents }: { blockId: string; intents: BlockTotals['intents'] }) {
  if (intents.length === 0) return null;
  return (
    <ul className="block-intents" data-testid={`intents-${blockId}`} aria-label="Intents matched here">
      {intents.map((intent) => (
        <li key={intent.intentId} data-intent={intent.intentId}>
          <span>{intent.name}</span> <b>{intent.count}</b>
        </li>
      ))}
    </ul>
  );
}

/** On a block in analytics mode: reached, left here (drop-off), handed off; nothing when the mode is off. */
export function BlockFigures({ blockId }: { blockId: string }) {
  const { on, totals } = useCanvasAnalytics();
  if (!on || !totals) return null;
  const figures = totals.get(blockId) ?? NONE;
  const dropOff = dropOffPercent(figures);
  return (
    <>
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
      <IntentMatches blockId={blockId} intents={figures.intents} />
    </>
  );
}

/** The toolbar's switch into and out of analytics mode, with what the figures cover. */
export function AnalyticsModeToggle() {
  const { on, toggle, totals, problem, range, timeZone, setRange } = useCanvasAnalytics();
  return (
    <>
      <button
        type="button"
        className={on ? 'btn btn-sm analytics-mode-on' : 'btn btn-ghost btn-sm'}
        aria-pressed={on}
        title="Show, on each block, the visitors who reached it, left there or were handed off, and the intents matched (all published versions)"
        onClick={toggle}
      >
        Analytics
      </button>
      {on && range ? (
        <div className="canvas-analytics-range">
          <RangePicker range={range} timeZone={timeZone} onChange={setRange} />
        </div>
      ) : null}
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
