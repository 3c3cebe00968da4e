import {
  AnalyticsBlocksResponse,
  AnalyticsLive,
  AnalyticsOverview,
  AnalyticsPeopleResponse,
  BotsAnswer,
  OfficeHoursResponse,
  TeammatesAnswer,
  TeamsAnswer,
} from '@flowdesk/contract';
import { api } from '../api/api';
import type { DayRange } from './date-range';

const base = '/api/analytics';

/** What the page asks for: a range of days and optional filters ('' = all). */
export interface AnalyticsFilters extends DayRange {
  botId: string;
  teamId: string;
  agentId: string;
  officeHoursOnly: boolean;
}

/** The query string of a request for `filters` (empty filters left out). */
export function analyticsQuery(filters: AnalyticsFilters): string {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.botId) params.set('botId', filters.botId);
  if (filters.teamId) params.set('teamId', filters.teamId);
  if (filters.agentId) params.set('agentId', filters.agentId);
  if (filters.officeHoursOnly) params.set('officeHoursOnly', 'true');
  return params.toString();
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
  blocks: (flowId: string) => api.get(`${base}/blocks?flowId=${encodeURIComponent(flowId)}`, AnalyticsBlocksResponse),
  /** Bots, teams, agents and the workspace's time zone (office hours; UTC without them). */
  choices: async () => {
    const [bots, teams, users, hours] = await Promise.all([
      api.get('/api/admin/bots', BotsAnswer),
      api.get('/api/inbox/teams', TeamsAnswer),
      api.get('/api/admin/users', TeammatesAnswer),
      api.get('/api/admin/office-hours', OfficeHoursResponse),
    ]);
    return {
      bots: bots.bots,
      teams: teams.teams,
      agents: users.users,
      timeZone: hours.effective.schedule?.timezone ?? 'UTC',
    };
  },
};
export type AnalyticsChoices = Awaited<ReturnType<typeof analyticsApi.choices>>;
