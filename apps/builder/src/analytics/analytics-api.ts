import {
  AnalyticsBlocksResponse,
  AnalyticsChannel,
  AnalyticsLive,
  AnalyticsOverview,
  AnalyticsPeopleResponse,
  BotsAnswer,
  OfficeHoursResponse,
  TeammatesAnswer,
  TeamsAnswer,
} from '@flowdesk/contract';
import { api } from '../api/api';
import { type DayRange, rangeProblem } from './date-range';

const base = '/api/analytics';

/** What the page asks for: a range of days and optional filters ('' = all). */
export interface AnalyticsFilters extends DayRange {
  botId: string;
  teamId: string;
  agentId: string;
  channel: AnalyticsChannel | '';
  officeHoursOnly: boolean;
}

/** The query string of a request for `filters` (empty filters left out). */
export function analyticsQuery(filters: AnalyticsFilters): string {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.botId) params.set('botId', filters.botId);
  if (filters.teamId) params.set('teamId', filters.teamId);
  if (filters.agentId) params.set('agentId', filters.agentId);
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.officeHoursOnly) params.set('officeHoursOnly', 'true');
  return params.toString();
}

/**
 * The filters a page address asks for (analyticsQuery's own words), so a reload or a shared link shows the same
 * figures; `fallback` for a missing or unusable range.
 */
export function filtersFromQuery(search: string, fallback: AnalyticsFilters): AnalyticsFilters {
  const params = new URLSearchParams(search);
  const range = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  if (rangeProblem(range) !== null) return fallback;
  const channel = AnalyticsChannel.safeParse(params.get('channel'));
  return {
    ...range,
    botId: params.get('botId') ?? '',
    teamId: params.get('teamId') ?? '',
    agentId: params.get('agentId') ?? '',
    channel: channel.success ? channel.data : '',
    officeHoursOnly: params.get('officeHoursOnly') === 'true',
  };
}

/** Where "Download CSV" points for these filters (the runtime answers it as an attachment). */
export function csvHref(filters: AnalyticsFilters): string {
  return `${base}/conversations.csv?${analyticsQuery(filters)}`;
}

/** The analytics API (admins) and the lists its filters choose from. */
export const analyticsApi = {
  overview: (filters: AnalyticsFilters) => api.get(`${base}/overview?${analyticsQuery(filters)}`, AnalyticsOverview),
  people: (filters: AnalyticsFilters) => api.get(`${base}/people?${analyticsQuery(filters)}`, AnalyticsPeopleResponse),
  live: (teamId: string) =>
    api.get(`${base}/live${teamId ? `?teamId=${encodeURIComponent(teamId)}` : ''}`, AnalyticsLive),
  /** Per block figures of a flow's versions, of the facts recorded in `range`. */
  blocks: (flowId: string, range: DayRange) =>
    api.get(
      `${base}/blocks?${new URLSearchParams({ flowId, from: range.from, to: range.to }).toString()}`,
      AnalyticsBlocksResponse,
    ),
  /** The workspace's time zone (its office hours'; UTC without them): the one analytics days are in. */
  timeZone: async () =>
    (await api.get('/api/admin/office-hours', OfficeHoursResponse)).effective.schedule?.timezone ?? 'UTC',
  /** Bots, teams, agents and the workspace's time zone. */
  choices: async () => {
    const [bots, teams, users, timeZone] = await Promise.all([
      api.get('/api/admin/bots', BotsAnswer),
      api.get('/api/inbox/teams', TeamsAnswer),
      api.get('/api/admin/users', TeammatesAnswer),
      analyticsApi.timeZone(),
    ]);
    return { bots: bots.bots, teams: teams.teams, agents: users.users, timeZone };
  },
};
export type AnalyticsChoices = Awaited<ReturnType<typeof analyticsApi.choices>>;
