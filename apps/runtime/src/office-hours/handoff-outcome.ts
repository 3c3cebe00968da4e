import type { OfflineWhen } from '@flowdesk/contract';
import { isOpen } from './office-hours';
import type { Schedule } from './schedule';

export { OfflineWhen } from '@flowdesk/contract';
export type HandoffOutcome = 'handed_off' | 'offline';

export interface HandoffOutcomeInput {
  /** Office hours of the target team (or the workspace); null means always open. */
  schedule: Schedule | null;
  offlineWhen: OfflineWhen;
  /** Agents of the target team (or all agents) that are online now. */
  onlineAgents: number;
  now: Date;
}

/** Decides the Human Handoff block's output; the engine's handoff effect calls it. */
export function handoffOutcome({ schedule, offlineWhen, onlineAgents, now }: HandoffOutcomeInput): HandoffOutcome {
  if (offlineWhen.outsideHours && schedule && !isOpen(schedule, now)) return 'offline';
  if (offlineWhen.noAgentOnline && onlineAgents <= 0) return 'offline';
  return 'handed_off';
}
