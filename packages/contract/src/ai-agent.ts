import { z } from 'zod';

/** An AI agent block's handoff settings: in flow documents (flow-schema) and in the builder's preview requests. */
export const AiAgentHandoff = z.object({
  enabled: z.boolean().default(true),
  /** Free text: when the agent should pass the conversation to a human. */
  whenToUse: z.string().max(2000).default('The visitor asks for a person, or you cannot help.'),
  /** Details the agent asks for before handing off, e.g. "email", "order number". */
  gather: z.array(z.string().trim().min(1).max(64)).max(10).default([]),
  /** Let the agent suggest the priority (stored in `ai_handoff_priority`). */
  autoPriority: z.boolean().default(true),
});
export type AiAgentHandoff = z.infer<typeof AiAgentHandoff>;
