import './canvas-analytics.css';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { useAsync } from '../../ui/use-async';
import { analyticsApi } from '../analytics-api';
import { type DayRange, presetRange } from '../date-range';
import { type BlockTotals, blockTotals } from './block-totals';

interface CanvasAnalytics {
  /** Whether the canvas shows the figures. */
  on: boolean;
  toggle(): void;
  /** Totals per block once loaded (null while off, loading or failed). */
  totals: Map<string, BlockTotals> | null;
  problem: string | null;
  /** The days the figures cover (null until the workspace's time zone is known) and how to change them. */
  range: DayRange | null;
  timeZone: string;
  setRange(range: DayRange): void;
}

const OFF: CanvasAnalytics = {
  on: false,
  toggle: () => undefined,
  totals: null,
  problem: null,
  range: null,
  timeZone: 'UTC',
  setRange: () => undefined,
};
const Context = createContext<CanvasAnalytics>(OFF);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The figures of `range` (the last 30 days in the workspace's zone until one is chosen). */
function Loaded({
  flowId,
  chosen,
  children,
}: {
  flowId: string;
  chosen: DayRange | null;
  children: (state: Pick<CanvasAnalytics, 'totals' | 'problem' | 'range' | 'timeZone'>) => ReactNode;
}) {
  const zone = useAsync(() => analyticsApi.timeZone(), []);
  const timeZone = zone.status === 'ready' ? zone.value : 'UTC';
  const range = chosen ?? (zone.status === 'ready' ? presetRange(30, timeZone) : null);
  const key = range ? `${range.from}/${range.to}` : '';
  const data = useAsync(() => (range ? analyticsApi.blocks(flowId, range) : Promise.resolve(null)), [flowId, key]);
  const totals = useMemo(() => (data.status === 'ready' && data.value ? blockTotals(data.value.blocks) : null), [data]);
  const problem =
    zone.status === 'error' ? messageOf(zone.error) : data.status === 'error' ? messageOf(data.error) : null;
  return children({ totals, problem, range, timeZone });
}

/** Analytics mode of the flow editor: per block, visitors who reached it, left there, were handed off. */
export function CanvasAnalyticsProvider({ flowId, children }: { flowId: string; children: ReactNode }) {
  const [on, setOn] = useState(false);
  const [chosen, setRange] = useState<DayRange | null>(null);
  const toggle = () => setOn((value) => !value);
  if (!on) return <Context.Provider value={{ ...OFF, toggle }}>{children}</Context.Provider>;
  return (
    <Loaded flowId={flowId} chosen={chosen}>
      {(state) => <Context.Provider value={{ on, toggle, setRange, ...state }}>{children}</Context.Provider>}
    </Loaded>
  );
}

export function useCanvasAnalytics(): CanvasAnalytics {
  return useContext(Context);
}
