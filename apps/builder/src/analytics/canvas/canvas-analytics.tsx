import './canvas-analytics.css';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
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

/**
 * The figures of `range` (the last 30 days in the workspace's zone until one is chosen), loaded each time the mode
 * is switched on; nothing is asked while it is off.
 */
function useFigures(flowId: string, on: boolean, chosen: DayRange | null) {
  const zone = useAsync(() => (on ? analyticsApi.timeZone() : Promise.resolve(null)), [on]);
  const known = on && zone.status === 'ready' ? zone.value : null;
  const timeZone = known ?? 'UTC';
  const range = on ? (chosen ?? (known ? presetRange(30, known) : null)) : null;
  const key = range ? `${range.from}/${range.to}` : '';
  const data = useAsync(() => (range ? analyticsApi.blocks(flowId, range) : Promise.resolve(null)), [flowId, key]);
  const totals = useMemo(() => (data.status === 'ready' && data.value ? blockTotals(data.value.blocks) : null), [data]);
  const problem =
    zone.status === 'error' ? messageOf(zone.error) : data.status === 'error' ? messageOf(data.error) : null;
  return { totals, problem, range, timeZone };
}

/**
 * Analytics mode of the flow editor: per block, visitors who reached it, left there, were handed off. The editor
 * under it stays mounted when the mode is switched: a new one would start over from the draft it was opened with.
 */
export function CanvasAnalyticsProvider({ flowId, children }: { flowId: string; children: ReactNode }) {
  const [on, setOn] = useState(false);
  const [chosen, setRange] = useState<DayRange | null>(null);
  const toggle = useCallback(() => setOn((value) => !value), []);
  const figures = useFigures(flowId, on, chosen);
  // While off, one value: the blocks' figures do not re-render when the idle loaders settle.
  const off = useMemo(() => ({ ...OFF, toggle }), [toggle]);
  return <Context.Provider value={on ? { on, toggle, setRange, ...figures } : off}>{children}</Context.Provider>;
}

export function useCanvasAnalytics(): CanvasAnalytics {
  return useContext(Context);
}
