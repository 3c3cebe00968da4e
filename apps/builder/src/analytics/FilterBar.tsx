import type { AnalyticsChannel } from '@flowdesk/contract';
import type { AnalyticsChoices, AnalyticsFilters } from './analytics-api';
import { RangePicker } from './RangePicker';

function Choice({
  label,
  all,
  value,
  options,
  onChange,
}: {
  label: string;
  all: string;
  value: string;
  options: Array<{ id: string; name: string }>;
  onChange: (id: string) => void;
}) {
  return (
    <label className="analytics-field">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The channels a conversation is reached through; one continued by email counts under both. */
const CHANNELS: Array<{ id: AnalyticsChannel; name: string }> = [
  { id: 'widget', name: 'Website widget' },
  { id: 'email', name: 'Email (continued)' },
  { id: 'api', name: 'API' },
];

/** Range, bot, team, agent, channel and the office-hours-only switch of the overview. */
export function FilterBar({
  choices,
  filters,
  onChange,
}: {
  choices: AnalyticsChoices;
  filters: AnalyticsFilters;
  onChange: (filters: AnalyticsFilters) => void;
}) {
  const set = (patch: Partial<AnalyticsFilters>) => onChange({ ...filters, ...patch });
  return (
    <div className="analytics-filters">
      <RangePicker
        range={filters}
        timeZone={choices.timeZone}
        onChange={(range) => set({ from: range.from, to: range.to })}
      />
      <div className="analytics-filter-row">
        <Choice
          label="Bot"
          all="All bots"
          value={filters.botId}
          options={choices.bots}
          onChange={(botId) => set({ botId })}
        />
        <Choice
          label="Team"
          all="All teams"
          value={filters.teamId}
          options={choices.teams}
          onChange={(teamId) => set({ teamId })}
        />
        <Choice
          label="Agent"
          all="All agents"
          value={filters.agentId}
          options={choices.agents}
          onChange={(agentId) => set({ agentId })}
        />
        <Choice
          label="Channel"
          all="All channels"
          value={filters.channel}
          options={CHANNELS}
          onChange={(channel) => set({ channel: channel as AnalyticsFilters['channel'] })}
        />
        <label className="analytics-toggle">
          <input
            type="checkbox"
            checked={filters.officeHoursOnly}
            onChange={(event) => set({ officeHoursOnly: event.target.checked })}
          />
          <span>Count office hours only (response and resolution times)</span>
        </label>
      </div>
    </div>
  );
}
