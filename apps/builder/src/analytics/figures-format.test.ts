import { describe, expect, it } from 'vitest';
import { analyticsQuery, csvHref } from './analytics-api';
import {
  agentsWord,
  blockHandoffRows,
  formatDuration,
  formatRate,
  heatLevel,
  hourOfWeekGrid,
  reasonLabel,
} from './figures-format';

describe('analytics figures in words', () => {
  it('formats durations by their size, and nothing measured as a dash', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(42_400)).toBe('42 s');
    expect(formatDuration(5 * 60_000 + 10_000)).toBe('5 min');
    expect(formatDuration(3 * 3_600_000)).toBe('3 h');
    expect(formatDuration(3 * 3_600_000 + 25 * 60_000)).toBe('3 h 25 min');
    expect(formatDuration(50 * 3_600_000)).toBe('2 d 2 h');
    expect(formatDuration(48 * 3_600_000)).toBe('2 d');
  });

  it('says one agent, or several agents', () => {
    expect(`1 ${agentsWord(1)} online`).toBe('1 agent online');
    expect(`0 ${agentsWord(0)} online`).toBe('0 agents online');
    expect(agentsWord(2)).toBe('agents');
    expect(agentsWord(null)).toBe('agents');
  });

  it('shows rates as whole percents, a dash when there is nothing to divide', () => {
    expect(formatRate(2 / 3, 3)).toBe('67%');
    expect(formatRate(0, 0)).toBe('—');
    expect(formatRate(1, 4)).toBe('100%');
  });

  it('names handoff reasons, keeping an unknown one', () => {
    expect(reasonLabel('flow')).toBe('Handoff block');
    expect(reasonLabel('takeover')).toBe('Agent took over');
    expect(reasonLabel('something_new')).toBe('something_new');
  });

  it('names handoff blocks as the canvas does, with their flow when there are several, and apart when alike', () => {
    const row = (flowId: string, flowName: string, blockId: string, label: string, count: number) => ({
      key: `${flowId} ${blockId}`,
      count,
      flowId,
      flowName,
      blockId,
      label,
    });
    expect(blockHandoffRows([row('f1', 'Sales', 'handoff', 'Human handoff', 3)])).toEqual([
      { label: 'Human handoff', count: 3 },
    ]);
    expect(
      blockHandoffRows([
        row('f1', 'Sales', 'handoff', 'Human handoff', 3),
        row('f1', 'Sales', 'parcel', 'Human handoff', 2),
        row('f2', 'Billing', 'handoff', 'Billing desk', 1),
        row('f3', '', 'desk', 'Desk', 1),
      ]),
    ).toEqual([
      { label: 'Human handoff · Sales (handoff)', count: 3 },
      { label: 'Human handoff · Sales (parcel)', count: 2 },
      { label: 'Billing desk · Billing', count: 1 },
      { label: 'Desk · deleted flow', count: 1 },
    ]);
  });

  it('fills the 7 × 24 hour-of-week grid from sparse cells and shades relative to the busiest hour', () => {
    const grid = hourOfWeekGrid([
      { weekday: 1, hour: 9, count: 4 },
      { weekday: 7, hour: 23, count: 1 },
      { weekday: 8, hour: 0, count: 5 },
    ]);
    expect(grid.rows).toHaveLength(7);
    expect(grid.rows.every((row) => row.length === 24)).toBe(true);
    expect(grid.rows[0]![9]).toBe(4);
    expect(grid.rows[6]![23]).toBe(1);
    expect(grid).toMatchObject({ max: 4, total: 5 });
    expect([0, 1, 2, 4].map((count) => heatLevel(count, 4))).toEqual([0, 1, 2, 4]);
    expect(heatLevel(0, 0)).toBe(0);
  });

  it('asks the API only for the filters that are set', () => {
    const base = {
      from: '2026-01-01',
      to: '2026-01-31',
      botId: '',
      teamId: '',
      agentId: '',
      channel: '' as const,
      officeHoursOnly: false,
    };
    expect(analyticsQuery(base)).toBe('from=2026-01-01&to=2026-01-31');
    expect(analyticsQuery({ ...base, botId: 'b 1', officeHoursOnly: true })).toBe(
      'from=2026-01-01&to=2026-01-31&botId=b+1&officeHoursOnly=true',
    );
    expect(analyticsQuery({ ...base, channel: 'email' })).toBe('from=2026-01-01&to=2026-01-31&channel=email');
    expect(csvHref(base)).toBe('/api/analytics/conversations.csv?from=2026-01-01&to=2026-01-31');
  });
});
