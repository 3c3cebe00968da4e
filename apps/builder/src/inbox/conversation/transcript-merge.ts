import type { Message } from '@flowdesk/contract';
import type { TranscriptMessage } from '../inbox-api';

const AGENT_ONLY_EVENTS = new Set(['assigned', 'team_assigned', 'priority_changed', 'takeover']);

/** Whether a live message is agents-only (notes and triage events), as the transcript marks it. */
export function isInternal(message: Message): boolean {
  const { content } = message;
  return content.type === 'note' || (content.type === 'event' && AGENT_ONLY_EVENTS.has(content.kind));
}

/** Adds messages by seq, ignoring ones already there, keeping seq order. */
export function mergeMessages(current: TranscriptMessage[], incoming: TranscriptMessage[]): TranscriptMessage[] {
  const seen = new Set(current.map((m) => m.seq));
  const fresh = incoming.filter((m) => !seen.has(m.seq));
  if (fresh.length === 0) return current;
  return [...current, ...fresh].sort((a, b) => a.seq - b.seq);
}
