import { z } from 'zod';

/**
 * Why a conversation waits for follow-up: nobody was there when the visitor asked for a person.
 * The conversation is `needs_agent` like any handoff (in the team's queue); this says why nobody took it.
 */
export const FollowUpReason = z.enum(['outside_hours', 'no_agent_online', 'no_reply_in_time', 'contact_form']);
export type FollowUpReason = z.infer<typeof FollowUpReason>;

/** A conversation waiting for follow-up, as the inbox shows it. */
export const FollowUp = z.object({
  reason: FollowUpReason,
  /** When it entered the follow-up queue (ISO). */
  since: z.string(),
  /** The reply the visitor was promised by (ISO), from the office hours' reply time; null when none was promised. */
  replyDueAt: z.string().nullable(),
});
export type FollowUp = z.infer<typeof FollowUp>;

/** How the visitor sounds: `impatient` wants it now ("I need a person now", "ASAP") without being upset yet. */
export const SummaryTone = z.enum(['calm', 'confused', 'impatient', 'frustrated', 'angry']);
export type SummaryTone = z.infer<typeof SummaryTone>;

/** The handoff summary an agent reads before the first reply (AI written, offline or by the model). */
export const HandoffSummary = z.object({
  /** The visitor's problem in one sentence. */
  problem: z.string(),
  /** What the bot already answered (its answers, not its confirmations or questions). */
  botTried: z.array(z.string()),
  /** Captured details with human labels ("Email", "Order number"), never raw variable names. */
  details: z.array(z.object({ label: z.string(), value: z.string() })),
  tone: SummaryTone,
  /** What the agent should do first. */
  nextStep: z.string(),
});
export type HandoffSummary = z.infer<typeof HandoffSummary>;

/** The plain-text form of a summary, for emails and the `summary` field. */
export function summaryText(summary: HandoffSummary): string {
  const lines = [summary.problem];
  if (summary.botTried.length > 0) lines.push(`Bot already tried: ${summary.botTried.join(' / ')}`);
  if (summary.details.length > 0)
    lines.push(`Details: ${summary.details.map((d) => `${d.label}: ${d.value}`).join('; ')}`);
  lines.push(`Tone: ${summary.tone}.`);
  lines.push(`Next step: ${summary.nextStep}`);
  return lines.join('\n');
}
