import type { AnalyticsChannel } from '@flowdesk/contract';
import { LabelledSelect, namedOptions } from '../ui/Select';
import type { AnalyticsChoices, AnalyticsFilters } from './analytics-api';
import { RangePicker } from './RangePicker';

/** The channels a conversation is reached through; one continued by email counts under both. */
const CHANNELS: Array<{ id: AnalyticsChannel; name: string }> = [
  { id: 'widget', name: 'Website widget' },
  { id: 'email', name: 'Email (continued)' },
  { id: 'api', name: 'API' },
];

type ChoiceKey = 'botId' | 'teamId' | 'agentId' | 'channel';

/** The filters picked from a list, in the order they show; an empty value means all. */
const CHOICES: Array<{
  key: ChoiceKey;
  label: string;
  all: string;
  options: (choices: AnalyticsChoices) => Array<{ id: string; name: string }>;
}> = [
  { key: 'botId', label: 'Bot', all: 'All bots', options: (choices) => choices.bots },
  { key: 'teamId', label: 'Team', all: 'All teams', options: (choices) => choices.teams },
  { key: 'agentId', label: 'Agent', all: 'All agents', options: (choices) => choices.agents },
  { key: 'channel', label: 'Channel', all: 'All channels', options: () => CHANNELS },
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
        {CHOICES.map(({ key, label, all, options }) => (
          <LabelledSelect
            key={key}
            className="analytics-field"
            label={label}
            empty={all}
            value={filters[key]}
            options={namedOptions(options(choices))}
            // The channel's list holds only channels, so what is picked is one (or '' for all).
            onChange={(id) => set({ [key]: id } as Partial<Pick<AnalyticsFilters, ChoiceKey>>)}
          />
        ))}
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
