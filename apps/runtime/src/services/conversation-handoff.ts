import { handoffPayload, recordFacts } from '../analytics/facts';
import { withHandoffKind } from '../office-hours/tables';
import type { Services } from '.';
import { systemEvent } from './conversation-history';
import type { ConversationTx } from './conversation-tx';
import { followUpColumns } from './follow-up';
import type { HandoffContext } from './hooks';

/** Inside a conversation transaction: status needs_agent, timeline event, hooks now and after commit. */
export async function beginHandoff(services: Services, tx: ConversationTx, context: HandoffContext) {
  if (tx.conversation.status === 'needs_agent' || tx.conversation.status === 'agent') return;
  // A new wait: the first response, the no-agent timeout and the SLA count from this handoff; the AI
  // summary is written again after the commit (handoff alerts wait for it, a scan redoes a lost one).
  const now = new Date();
  await tx.update(
    withHandoffKind(
      {
        status: 'needs_agent',
        handed_off_at: now,
        first_response_at: null,
        resolved_at: null,
        summary: null,
        summary_data: null,
        ...followUpColumns(context.followUp, now),
      },
      context.reason,
    ),
  );
  // Nobody is there now: the visitor is not told a person has it (the bot's offline words stand).
  const text = context.followUp
    ? 'The team will follow up as soon as someone is available.'
    : 'The conversation was handed to a person.';
  await tx.append([{ author: 'system', content: systemEvent('handoff', text) }]);
  for (const hook of services.handoffHooks.onHandoff) await hook(services, tx, context);
  // After the hooks: the team routing chose is the team the handoff counts for.
  await recordFacts(tx.trx, tx.conversation, [
    {
      kind: 'handoff',
      reason: context.reason,
      blockId: context.blockId,
      intent: context.intent?.intentId ?? null,
      at: now,
      payload: handoffPayload(context),
    },
  ]);
  const conversationId = tx.conversation.id;
  tx.afterCommit(() => {
    for (const hook of services.handoffHooks.afterHandoff) {
      services.background.run('afterHandoff', () => hook(services, conversationId, context));
    }
  });
}
