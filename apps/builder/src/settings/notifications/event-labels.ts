/** Words for the runtime's notification events (unknown events show their key). */
export const EVENT_LABELS: Record<string, { title: string; hint: string }> = {
  needs_attention: { title: 'A conversation needs a human', hint: 'A visitor asked for a person and is waiting.' },
  assigned_to_you: { title: 'Assigned to me', hint: 'Someone assigned a conversation to you.' },
  assigned_to_team: { title: 'Assigned to my team', hint: 'A handoff was routed to one of your teams.' },
  unseen_message: { title: 'Unanswered visitor message', hint: 'A visitor message in your conversation waits.' },
  mentioned: { title: 'Mentioned in a note', hint: 'A teammate @mentioned you in an internal note.' },
  sla_escalation: { title: 'SLA escalation (admins)', hint: 'A handoff waited longer than the SLA.' },
};

export function eventLabel(event: string) {
  return EVENT_LABELS[event] ?? { title: event.replaceAll('_', ' '), hint: '' };
}
