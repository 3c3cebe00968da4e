import { AiAgentHandoff } from '@flowdesk/contract';
import { z } from 'zod';
import { KnowledgeSourceIds, Template } from '../common';
import { defineBlock, output } from './define';

export { AiAgentHandoff };

export const AiAgentData = z.object({
  instructions: Template.default('You are a friendly support assistant. Answer briefly from the knowledge below.'),
  knowledge: z.string().max(100_000).default(''),
  knowledgeSourceIds: KnowledgeSourceIds,
  handoff: AiAgentHandoff.default(() => AiAgentHandoff.parse({})),
});
export type AiAgentData = z.infer<typeof AiAgentData>;

export const AI_AGENT_OUTPUTS = { handoff: 'handoff' } as const;

/** Variables the engine sets when the agent hands off (gathered fields are saved under their own names). */
export const AI_HANDOFF_VARIABLES = { reason: 'ai_handoff_reason', priority: 'ai_handoff_priority' } as const;

/** Variable name a gathered field is saved as: "Order number" → `order_number`. */
export function gatheredVariableName(field: string): string {
  const name = field
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z_]/.test(name) ? name : `field_${name}`;
}

export const aiAgentBlock = defineBlock({
  type: 'ai_agent',
  label: 'AI agent',
  group: 'AI',
  description: 'Converses with the visitor from your instructions and knowledge; hands off to a human when needed.',
  data: AiAgentData,
  defaults: () => ({ knowledge: '', handoff: { enabled: true, whenToUse: '', gather: ['email'], autoPriority: true } }),
  outputs: (data) => (data.handoff.enabled ? [output(AI_AGENT_OUTPUTS.handoff, 'Hand off to a human', true)] : []),
  waitsForInput: true,
});
