import { z } from 'zod';

const Variables = z.record(z.string().max(200), z.unknown());

/** What the host may send into a conversation. */
export const EngineInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), variables: Variables.optional() }),
  z.object({
    type: z.literal('visitor_message'),
    content: z.discriminatedUnion('type', [
      z.object({ type: z.literal('text'), text: z.string().max(10_000) }),
      z.object({ type: z.literal('choice_reply'), optionId: z.string().max(200), label: z.string().max(1000) }),
      z.object({ type: z.literal('form_reply'), values: z.record(z.string().max(100), z.string().max(5000)) }),
    ]),
  }),
  /** An agent hands the conversation back to the bot at a chosen block. */
  z.object({ type: z.literal('goto'), blockId: z.string().max(64) }),
  z.object({ type: z.literal('set_variables'), variables: Variables }),
  z.object({ type: z.literal('no_agent_timeout') }),
  /** An agent hands back: continue from the handoff block's `handed_off` output (or end). */
  z.object({ type: z.literal('handback') }),
  /** The result of the external effect the conversation waits for (`StepResult.pending`), by its id. */
  z.object({
    type: z.literal('effect_result'),
    effectId: z.string().min(1).max(100),
    result: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), output: z.unknown() }),
      z.object({ ok: z.literal(false), error: z.string().max(2000) }),
    ]),
  }),
]);
export type EngineInput = z.infer<typeof EngineInput>;
