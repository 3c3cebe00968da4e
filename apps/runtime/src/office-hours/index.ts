/** Office hours, reply time and the handoff offline decision. */
export { countOnlineAgents, decideHandoff, type HandoffDecision, widgetAvailability } from './availability';
export { type HandoffOutcome, handoffOutcome, OfflineWhen } from './handoff-outcome';
export { handoffOutcomeHook, replyTimeSentence } from './hooks';
export { officeHoursModule } from './module';
export { scanNoAgentTimeouts, startNoAgentTimeouts } from './no-agent-timeout';
export { describe, isOpen, nextOpening, type OfficeStatus, officeStatus } from './office-hours';
export { ReplyTimeBucket, ReplyTimeSetting, replyTimeBucket } from './reply-time';
export { firstResponseDurations, replyTimeWords } from './reply-time-query';
export { officeHoursRoutes } from './routes';
export { Schedule, TimeRange, Weekday } from './schedule';
export {
  clearTeamOfficeHours,
  DEFAULT_OFFICE_HOURS,
  effectiveOfficeHours,
  OfficeHoursSettings,
  readOfficeHours,
  writeOfficeHours,
} from './settings';
export type { OfficeHoursTables } from './tables';
