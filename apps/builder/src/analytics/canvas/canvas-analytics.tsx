import './canvas-analytics.css';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { useAsync } from '../../ui/use-async';
import { analyticsApi } from '../analytics-api';
import { type BlockTotals, blockTotals } from './block-totals';

interface CanvasAnalytics {
  /** Whether the canvas shows the figures. */
  on: boolean;
  toggle(): void;
  /** Totals per block once loaded (null while off, loading or failed). */
  totals: Map<string, BlockTotals> | null;
  problem: string | null;
}

const Context = createContext<CanvasAnalytics>({ on: false, toggle: () => undefined, totals: null, problem: null });

function Loaded({
  flowId,
  children,
}: {
  flowId: string;
  children: (state: Omit<CanvasAnalytics, 'on' | 'toggle'>) => ReactNode;
}) {
  const data = useAsync(() => analyticsApi.blocks(flowId), [flowId]);
  const totals = useMemo(() => (data.status === 'ready' ? blockTotals(data.value.blocks) : null), [data]);
  const problem =
    data.status === 'error' ? (data.error instanceof Error ? data.error.message : String(data.error)) : null;
  return children({ totals, problem });
}

/** Analytics mode of the flow editor: per block, visitors who reached it, left there, were handed off. */
export function CanvasAnalyticsProvider({ flowId, children }: { flowId: string; children: ReactNode }) {
  const [on, setOn] = useState(false);
  const toggle = () => setOn((value) => !value);
  if (!on) return <Context.Provider value={{ on, toggle, totals: null, problem: null }}>{children}</Context.Provider>;
  return (
    <Loaded flowId={flowId}>
      {(state) => <Context.Provider value={{ on, toggle, ...state }}>{children}</Context.Provider>}
    </Loaded>
  );
}

export function useCanvasAnalytics(): CanvasAnalytics {
  return useContext(Context);
}
