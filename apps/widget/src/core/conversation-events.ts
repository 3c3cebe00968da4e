import type { ConversationStatus, Message, VisitorConversation } from '@flowdesk/contract';

/** Timeline events after which the visitor's view of the conversation (status, agent, reply time) must be re-read. */
const STATUS_EVENTS = new Set([
  'handoff',
  'agent_joined',
  'takeover',
  'resolved',
  'reopened',
  'handed_back',
  'offline',
]);

export function changesStatus(message: Message): boolean {
  return message.content.type === 'event' && STATUS_EVENTS.has(message.content.kind);
}

export type StatusTransition = 'handoff' | 'resolved' | null;

/** Which SDK event a status change is, if any. */
export function statusTransition(before: ConversationStatus | undefined, after: ConversationStatus): StatusTransition {
  // A conversation first seen in a state (page load) is not a transition.
  if (before === undefined || before === after) return null;
  if (after === 'needs_agent' || (after === 'agent' && before !== 'needs_agent')) return 'handoff';
  return after === 'resolved' ? 'resolved' : null;
}

/**
 * What the input area should offer, given the runtime's last word and messages seen since: a bot's
 * newest choice/input prompt wins; a visitor answer clears it until the runtime says what comes next.
 */
export function nextAwaiting(current: VisitorConversation['awaiting'], added: readonly Message[]) {
  let awaiting = current;
  for (const m of added) {
    if (m.author === 'visitor') awaiting = null;
    else if (m.content.type === 'choice' || m.content.type === 'input') awaiting = m.content;
    else if (m.author === 'agent') awaiting = null;
  }
  return awaiting;
}

/**
 * The offline email form shows after an `offline` event until an email is captured, unless the flow
 * asked for an email itself after going offline (its own prompt collects it).
 */
export function wantsEmail(messages: readonly Message[]): boolean {
  for (let i = messages.length - 1; i >= 0; i--) {
    const c = messages[i]?.content;
    if (c?.type === 'input' && c.inputType === 'email') return false;
    if (c?.type !== 'event') continue;
    if (c.kind === 'email_captured') return false;
    if (c.kind === 'offline') return true;
  }
  return false;
}

/** Messages from the bot or an agent that the visitor has not had in front of them yet. */
export function unreadCount(messages: readonly Message[], readSeq: number): number {
  return messages.filter((m) => m.seq > readSeq && m.author !== 'visitor' && m.content.type !== 'event').length;
}
