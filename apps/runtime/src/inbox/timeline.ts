import type { TimelineKind } from '@flowdesk/contract';
import type { ConversationTx } from '../services/conversation-tx';
import type { Viewer } from './access';

/** Events only agents see (who holds it, priority); visitors see joins, resolves and hand-backs. */
const AGENT_ONLY: ReadonlySet<TimelineKind> = new Set(['assigned', 'team_assigned', 'priority_changed', 'takeover']);

/** Appends a timeline event to the conversation, written by `actor` (null: the system). */
export async function appendEvent(
  tx: ConversationTx,
  kind: TimelineKind,
  text: string,
  actor: Pick<Viewer, 'id' | 'name'> | null,
  data?: Record<string, unknown>,
) {
  const [stored] = await tx.append([
    {
      author: 'system',
      authorId: actor?.id ?? null,
      authorName: actor?.name ?? null,
      content: { type: 'event', kind, text, ...(data ? { data } : {}) },
      internal: AGENT_ONLY.has(kind),
    },
  ]);
  return stored!;
}
