import type { AnalyticsOverview, BlockHandoffs } from '@flowdesk/contract';

/** A duration for a card: "—" when nothing was measured, else seconds, minutes, hours or days. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** A share (0..1) as a whole percent; "—" when there was nothing to divide. */
export function formatRate(rate: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round(rate * 100)}%`;
}

const REASONS: Record<string, string> = {
  flow: 'Handoff block',
  intent: 'Intent',
  ai_agent: 'AI agent',
  takeover: 'Agent took over',
};

/** A handoff reason in words (an unknown one as it came). */
export function reasonLabel(reason: string): string {
  return REASONS[reason] ?? (reason || 'Unknown');
}

/**
 * Handoffs by block as chart rows: each block as the canvas names it, with its flow when the rows span several
 * flows, and its id when two blocks would still read the same (two unnamed handoff blocks of one flow).
 */
export function blockHandoffRows(rows: BlockHandoffs[]): Array<{ label: string; count: number }> {
  const flows = new Set(rows.map((row) => row.flowId)).size;
  const named = rows.map((row) => (flows > 1 ? `${row.label} · ${row.flowName || 'deleted flow'}` : row.label));
  return rows.map((row, i) => ({
    label: named.filter((label) => label === named[i]).length > 1 ? `${named[i]} (${row.blockId})` : named[i]!,
    count: row.count,
  }));
}

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export interface HourOfWeekGrid {
  /** rows[weekday - 1][hour]: conversations started then. */
  rows: number[][];
  max: number;
  total: number;
}

/** The overview's sparse hour-of-week cells as a full 7 × 24 grid. */
export function hourOfWeekGrid(cells: AnalyticsOverview['hourOfWeek']): HourOfWeekGrid {
  const rows = WEEKDAY_NAMES.map(() => Array.from({ length: 24 }, () => 0));
  let max = 0;
  let total = 0;
  for (const cell of cells) {
    const row = rows[cell.weekday - 1];
    if (!row || cell.hour < 0 || cell.hour > 23) continue;
    row[cell.hour] = (row[cell.hour] ?? 0) + cell.count;
    max = Math.max(max, row[cell.hour]!);
    total += cell.count;
  }
  return { rows, max, total };
}

/** Shade step 0..4 of a heatmap cell (0 only for an empty one). */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.ceil((count / max) * 4));
}

/** "agent" or "agents" beside a count ("1 agent online", "2 agents online"). */
export const agentsWord = (count: number | null) => (count === 1 ? 'agent' : 'agents');
