import type { AnalyticsOverview, AnalyticsPeopleResponse } from '@flowdesk/contract';
import { useEffect, useState } from 'react';
import { Icon } from '../ui/icons';
import { EmptyState, Loaded } from '../ui/states';
import { useAsync } from '../ui/use-async';
import {
  type AnalyticsChoices,
  type AnalyticsFilters,
  analyticsApi,
  analyticsQuery,
  csvHref,
  filtersFromQuery,
} from './analytics-api';
import { presetRange, rangeLabel } from './date-range';
import { FigureCards } from './FigureCards';
import { FilterBar } from './FilterBar';
import { blockHandoffRows, reasonLabel } from './figures-format';
import { CountChart } from './HandoffCharts';
import { HourHeatmap } from './HourHeatmap';
import { LiveStrip } from './LiveStrip';
import { PeopleTable } from './PeopleTable';
import './analytics.css';

function Figures({ overview, people }: { overview: AnalyticsOverview; people: AnalyticsPeopleResponse }) {
  if (overview.conversations === 0) {
    return (
      <EmptyState title="No conversations in this range">
        Nobody started a conversation between these days with these filters. Choose a longer range or clear a filter.
      </EmptyState>
    );
  }
  return (
    <>
      <FigureCards overview={overview} />
      <div className="analytics-charts">
        <CountChart
          title="Handoffs by reason"
          rows={overview.handoffsByReason.map((row) => ({ label: reasonLabel(row.key), count: row.count }))}
          empty="No handoffs in this range."
        />
        <CountChart
          title="Handoffs by block"
          rows={blockHandoffRows(overview.handoffsByBlock)}
          empty="No handoff came from a flow block in this range."
        />
        <CountChart
          title="Handoffs by intent"
          rows={overview.handoffsByIntent.map((row) => ({ label: row.key, count: row.count }))}
          empty="No handoff followed a matched intent in this range."
        />
      </div>
      <HourHeatmap cells={overview.hourOfWeek} timeZone={overview.timeZone} />
      <PeopleTable people={people} />
    </>
  );
}

function Overview({ choices }: { choices: AnalyticsChoices }) {
  const [filters, setFilters] = useState<AnalyticsFilters>(() =>
    filtersFromQuery(window.location.search, {
      ...presetRange(30, choices.timeZone),
      botId: '',
      teamId: '',
      agentId: '',
      channel: '',
      officeHoursOnly: false,
    }),
  );
  const query = analyticsQuery(filters);
  // The address keeps the range and filters: a reload, the back button or a shared link shows the same figures.
  useEffect(() => {
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?${query}`);
  }, [query]);
  const data = useAsync(() => Promise.all([analyticsApi.overview(filters), analyticsApi.people(filters)]), [query]);
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Analytics</h1>
          <p>
            Conversations started {rangeLabel(filters)} · days and hours in {choices.timeZone}
          </p>
        </div>
        <a className="btn" href={csvHref(filters)} download>
          <Icon name="download" /> Download CSV
        </a>
      </header>
      <FilterBar choices={choices} filters={filters} onChange={setFilters} />
      <LiveStrip teamId={filters.teamId} />
      <Loaded data={data} loadingLabel="Counting…">
        {([overview, people]) => <Figures overview={overview} people={people} />}
      </Loaded>
    </>
  );
}

/** Admins: what the bot resolves, how often and why it hands off, how fast the team answers. */
export function AnalyticsPage() {
  const choices = useAsync(() => analyticsApi.choices(), []);
  return (
    <Loaded data={choices}>
      {(value) => (
        <div className="analytics-page">
          <Overview choices={value} />
        </div>
      )}
    </Loaded>
  );
}
