import type { VisitorReach } from '@flowdesk/contract';

/** Under the reply box: how a reply sent now reaches the visitor (`who`: their name as the inbox shows it). */
export function reachHint(reach: VisitorReach, who: string, email: string | null): string {
  const address = email ?? 'their email';
  if (reach.via === 'chat') return `${who} is in the chat and sees this at once.`;
  if (reach.via === 'email' && reach.inChat)
    return `${who} asked to be answered by email: replies go to ${address} as well as the chat.`;
  if (reach.via === 'email')
    return `${who} has left the chat: replies are emailed to ${address} unless they come back.`;
  return `${who} has left the chat and no email reaches them: they see this when they come back.`;
}
