import { type HumanHandoffData, humanHandoffBlock } from '@flowdesk/flow-schema';
import type { Services } from '../services';
import { startPeriodic } from '../services/periodic';
import { followUpMark } from './follow-up-mark';

interface WaitingRow {
  id: string;
  workspace_id: string;
  team_id: string | null;
  handed_off_at: Date | null;
  engine_snapshot: unknown;
  document: unknown;
}

/** The Human Handoff block a conversation waits in, from its snapshot and flow version; null otherwise. */
export function waitingHandoffBlock(snapshot: unknown, document: unknown): HumanHandoffData | null {
  const saved = snapshot as { status?: unknown; activeBlockId?: unknown } | null;
  if (saved?.status !== 'handoff' || typeof saved.activeBlockId !== 'string') return null;
  const blocks = (document as { blocks?: Array<{ id?: unknown; type?: unknown; data?: unknown }> } | null)?.blocks;
  const block = blocks?.find((b) => b.id === saved.activeBlockId && b.type === humanHandoffBlock.type);
  if (!block) return null;
  const data = humanHandoffBlock.data.safeParse(block.data ?? {});
  return data.success ? data.data : null;
}

/**
 * Sends `no_agent_timeout` to every flow waiting in a Human Handoff block whose timeout passed without
 * a human reply; the conversation stays in the team's queue, now waiting for follow-up, and the bot
 * follows the block's `no_agent_timeout` output (e.g. asks for an email) until a person replies.
 * Safe to run from several instances: the engine only reacts to the event while it waits in the block,
 * and the conversation is checked again under its lock (still waiting for the same handoff, no reply).
 * `beforeFire` runs between the select and the action (tests use it to reply meanwhile).
 */
export async function scanNoAgentTimeouts(
  services: Services,
  now = new Date(),
  hooks: { beforeFire?: (conversationId: string) => Promise<void> } = {},
): Promise<number> {
  const rows: WaitingRow[] = await services.db
    .selectFrom('conversations as c')
    .innerJoin('flow_versions as v', 'v.id', 'c.flow_version_id')
    .select(['c.id', 'c.workspace_id', 'c.team_id', 'c.handed_off_at', 'c.engine_snapshot', 'v.document'])
    .where('c.status', '=', 'needs_agent')
    .where('c.first_response_at', 'is', null)
    .where('c.handed_off_at', '<=', new Date(now.getTime() - 60_000))
    .execute();
  let fired = 0;
  for (const row of rows) {
    const minutes = waitingHandoffBlock(row.engine_snapshot, row.document)?.noAgentTimeoutMinutes;
    if (!minutes || !row.handed_off_at) continue;
    if (now.getTime() - row.handed_off_at.getTime() < minutes * 60_000) continue;
    await hooks.beforeFire?.(row.id);
    const handedOffAt = row.handed_off_at.getTime();
    const followUp = await followUpMark(
      services.db,
      { workspaceId: row.workspace_id, teamId: row.team_id, now },
      'no_reply_in_time',
    );
    // Looked at again under the lock: an agent may have replied (or the bot taken over) since the select.
    // The conversation stays in the queue, waiting for follow-up, while the bot follows the timeout output.
    const result = await services.conversations.engineEventIf(
      row.id,
      { type: 'no_agent_timeout' },
      {
        followUp,
        when: (c) =>
          c.status === 'needs_agent' && c.first_response_at === null && c.handed_off_at?.getTime() === handedOffAt,
      },
    );
    if (result) fired++;
  }
  return fired;
}

/** Runs the scan every `intervalMs` in this process until `services.close()`. */
export function startNoAgentTimeouts(services: Services, intervalMs = 30_000) {
  startPeriodic(services, { name: 'no-agent timeout scan', intervalMs }, () => scanNoAgentTimeouts(services));
}
