import type { KnownConversation } from '../alerts';
import type { InboxRow } from '../inbox-api';

/** The open conversation's row as last listed, and where. */
export interface OpenRow {
  id: string;
  row: InboxRow;
  index: number;
}

/** The open conversation's row and place, when the list holds it. */
export function openRowOf(rows: InboxRow[], selectedId: string | null): OpenRow | null {
  const index = selectedId ? rows.findIndex((row) => row.id === selectedId) : -1;
  return index >= 0 ? { id: selectedId!, row: rows[index]!, index } : null;
}

/**
 * Keeps the open conversation in the list after it left the filter (the agent replied to a "Needs agent"
 * conversation: it is now "With agent"): the row stays at its place, with its new status and assignee from
 * the live updates, until the agent moves on (the caller forgets `open` then).
 */
export function keepOpenRow(
  rows: InboxRow[],
  selectedId: string | null,
  open: OpenRow | null,
  known: (id: string) => KnownConversation | undefined,
  me: { id: string; name: string },
): { rows: InboxRow[]; open: OpenRow | null } {
  if (!selectedId) return { rows, open: null };
  const index = rows.findIndex((row) => row.id === selectedId);
  if (index >= 0) return { rows, open: { id: selectedId, row: rows[index]!, index } };
  if (!open || open.id !== selectedId) return { rows, open };
  const now = known(selectedId);
  let row = open.row;
  if (now) {
    const assignee =
      now.assigneeId === null
        ? null
        : now.assigneeId === row.assignee?.id
          ? row.assignee
          : now.assigneeId === me.id
            ? { id: me.id, name: me.name }
            : row.assignee;
    row = {
      ...row,
      status: now.status,
      lastSeq: now.lastSeq,
      assignee,
      waitingSince: now.status === 'needs_agent' ? row.waitingSince : null,
      // The follow-up mark (and its "reply by") is only for a conversation still waiting in the queue.
      followUp: now.status === 'needs_agent' ? row.followUp : null,
    };
  }
  const next = [...rows];
  next.splice(Math.min(open.index, next.length), 0, row);
  return { rows: next, open: { ...open, row } };
}
