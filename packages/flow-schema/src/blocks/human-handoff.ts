import { Priority } from '@flowdesk/contract';
import { z } from 'zod';
import { Identifier, Template } from '../common';
import { defineBlock, output } from './define';

export const HANDOFF_OUTPUTS = {
  handedOff: 'handed_off',
  offline: 'offline',
  noAgentTimeout: 'no_agent_timeout',
} as const;

export const HumanHandoffData = z.object({
  priority: z
    .discriminatedUnion('mode', [
      z.object({ mode: z.literal('auto') }),
      z.object({ mode: z.literal('fixed'), value: Priority }),
    ])
    .default({ mode: 'auto' }),
  teamId: Identifier.nullable().default(null),
  confirmationMessage: Template.default('Connecting you with our team. Someone will reply shortly.'),
  offlineMessage: Template.default("We're offline right now."),
  offlineWhen: z.enum(['outside_hours', 'no_agents_online', 'both']).default('both'),
  /** Minutes without any agent reply before the `no_agent_timeout` output fires; null never. */
  noAgentTimeoutMinutes: z.number().int().min(1).max(10_080).nullable().default(null),
});
export type HumanHandoffData = z.infer<typeof HumanHandoffData>;

export const humanHandoffBlock = defineBlock({
  type: 'human_handoff',
  label: 'Human handoff',
  group: 'Actions',
  description: 'Passes the conversation to a human agent; follows the offline path when nobody can take it.',
  data: HumanHandoffData,
  defaults: () => ({}),
  outputs: () => [
    output(HANDOFF_OUTPUTS.handedOff, 'Handed back to the bot'),
    output(HANDOFF_OUTPUTS.offline, 'Offline / nobody available', true),
    output(HANDOFF_OUTPUTS.noAgentTimeout, 'No agent replied in time'),
  ],
  waitsForInput: true,
  immediateOutputs: [HANDOFF_OUTPUTS.offline],
});
