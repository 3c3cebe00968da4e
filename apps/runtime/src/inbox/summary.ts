import { AI_HANDOFF_VARIABLES } from '@flowdesk/flow-schema';
import type { Kysely } from 'kysely';
import type { Priority, TranscriptLine } from '../ai/provider';
import type { Conversation, Database } from '../db/schema';
import { loadMessages } from '../repositories/messages';
import type { Services } from '../services';
import { withConversation } from '../services/conversation-tx';
import type { HandoffContext } from '../services/hooks';
import { startPeriodic } from '../services/periodic';
import { previewText } from './list-extras';
import { appendEvent } from './timeline';

/** What the visitor and the bot said, as the AI sees it (no notes, no timeline events). */
export function transcriptOf(services: Services, conversationId: string): Promise<TranscriptLine[]> {
  return transcriptIn(services.db, conversationId);
}

/** `transcriptOf` read through `db` (e.g. the conversation's own transaction), from after `afterSeq`. */
export async function transcriptIn(db: Kysely<Database>, conversationId: string, afterSeq = 0) {
  const messages = await loadMessages(db, conversationId, { afterSeq, limit: 500, includeInternal: false });
  return messages
    .filter(({ message }) => message.author !== 'system' && message.content.type !== 'event')
    .map(({ message }) => {
      const { type, ...payload } = message.content;
      return {
        author: message.author,
        name: message.authorName,
        text: previewText(type, payload),
        at: message.createdAt,
        // A question the bot asked (buttons, a capture prompt, a retry): not one of its answers.
        ...(message.author === 'bot' && PROMPT_TYPES.has(type) ? { prompt: true } : {}),
      };
    });
}

const PROMPT_TYPES = new Set(['choice', 'input', 'validation_error']);
const PRIORITIES = new Set<string>(['low', 'medium', 'high', 'urgent']);

/** The priority an AI agent block gave when it handed off (it saw the whole chat), with its reason. */
export function agentSuggestion(variables: Record<string, unknown>): { priority: Priority; reason: string } | null {
  const priority = variables[AI_HANDOFF_VARIABLES.priority];
  if (typeof priority !== 'string' || !PRIORITIES.has(priority)) return null;
  const reason = variables[AI_HANDOFF_VARIABLES.reason];
  return {
    priority: priority as Priority,
    reason:
      typeof reason === 'string' && reason ? `suggested by the AI agent (${reason})` : 'suggested by the AI agent',
  };
}

/** A priority a person chose (an agent, or the handoff block's fixed one): the AI never changes it. */
export const setByPerson = (reason: string | null) => reason?.startsWith('Set by ') ?? false;

/**
 * Writes the AI summary (text and structure) and, unless the handoff block fixed one, the priority with
 * its reason: the AI agent's suggestion when it handed off, else the AI triage of the transcript. Runs
 * after the handoff committed, with no connection held during the AI calls, so a slow or failing model
 * never holds up the handoff itself. `rewrite`: the visitor wrote again before any agent reply; the
 * priority then stays unless the new text changes it, and never replaces one a person set.
 */
export async function summarizeHandoff(
  services: Services,
  conversationId: string,
  context: HandoffContext,
  options: { rewrite?: boolean } = {},
) {
  const conversation = await services.db
    .selectFrom('conversations')
    .selectAll()
    .where('id', '=', conversationId)
    .executeTakeFirst();
  if (!conversation) return;
  const visitor = await services.db
    .selectFrom('visitors')
    .select(['name', 'email'])
    .where('id', '=', conversation.visitor_id)
    .executeTakeFirst();
  const transcript = await transcriptOf(services, conversationId);
  const visitorSpoke = transcript.some((line) => line.author === 'visitor');
  // A block's fixed priority stands; a takeover keeps a priority already set, and only rates what the visitor said.
  const autoPriority = options.rewrite
    ? !setByPerson(conversation.priority_reason) && context.settings?.priority.mode !== 'fixed'
    : context.settings?.priority.mode !== 'fixed' &&
      !(context.reason === 'takeover' && (conversation.priority || !visitorSpoke));
  const ai = services.aiFor(conversation.workspace_id);
  const [summary, priority] = await Promise.all([
    ai.summarize({ transcript, variables: conversation.variables, visitor: visitor ?? undefined }),
    autoPriority ? (agentSuggestion(conversation.variables) ?? ai.prioritize({ transcript })) : null,
  ]);
  await withConversation(services, conversationId, async (tx) => {
    // The handoff this summary was written for is over (an agent replied, resolved, handed back): a late rewrite is dropped.
    if (options.rewrite && !awaitsFirstReply(tx.conversation)) return;
    await tx.update({ summary: summary.summary, summary_data: JSON.stringify(summary.structured) });
    if (priority && tx.conversation.priority !== priority.priority && !setByPerson(tx.conversation.priority_reason)) {
      await tx.update({ priority: priority.priority, priority_reason: priority.reason });
      await appendEvent(
        tx,
        'priority_changed',
        `Priority set to ${priority.priority} by AI: ${priority.reason}`,
        null,
        {
          priority: priority.priority,
        },
      );
    }
  });
}

/** Handed off and nobody has replied yet: the summary is what the first agent will read. */
export function awaitsFirstReply(c: Pick<Conversation, 'status' | 'first_response_at' | 'handed_off_at'>) {
  return (c.status === 'needs_agent' || c.status === 'agent') && c.handed_off_at !== null && !c.first_response_at;
}

/** A handoff whose summary is still missing this long after it is taken as lost (the process died after commit). */
export const LOST_SUMMARY_AFTER_MS = 20_000;
/** Older handoffs are left alone (e.g. the AI kept failing on them). */
const LOST_SUMMARY_LOOKBACK_MS = 24 * 3_600_000;
/** Priority already set (e.g. fixed by the handoff block) stays; otherwise the AI rates what the visitor said. */
const RECOVERY: HandoffContext = { reason: 'takeover', blockId: null, settings: null };

/**
 * The AI summary runs after the handoff commits, in memory: a crash (or a failing model) right after a
 * handoff leaves it missing. Writes it for waiting or agent-held conversations handed off a while ago
 * that still have none. Running it on several instances at once only writes the same summary twice.
 */
export async function recoverLostSummaries(services: Services, now = new Date(), limit = 20): Promise<number> {
  const rows = await services.db
    .selectFrom('conversations')
    .select('id')
    .where('status', 'in', ['needs_agent', 'agent'])
    .where('summary', 'is', null)
    .where('handed_off_at', '<=', new Date(now.getTime() - LOST_SUMMARY_AFTER_MS))
    .where('handed_off_at', '>', new Date(now.getTime() - LOST_SUMMARY_LOOKBACK_MS))
    .orderBy('handed_off_at')
    .limit(limit)
    .execute();
  let written = 0;
  for (const { id } of rows) {
    try {
      await summarizeHandoff(services, id, RECOVERY);
      written++;
    } catch (err) {
      services.logger.warn({ err, conversationId: id }, 'lost summary: writing it again failed');
    }
  }
  return written;
}

/** Recovers lost summaries now (start-up, after a crash) and every `intervalMs` until `services.close()`. */
export function startSummaryRecovery(services: Services, intervalMs = 30_000) {
  startPeriodic(services, { name: 'lost summary scan', intervalMs, runAtStart: true }, () =>
    recoverLostSummaries(services),
  );
}
