import { Button, Section, Text } from '@react-email/components';

export type PriorityName = 'low' | 'medium' | 'high' | 'urgent';

export interface ConversationCardProps {
  visitorName: string;
  summary?: string | null;
  priority?: PriorityName | null;
  priorityReason?: string | null;
  conversationUrl: string;
}

const PRIORITY_COLOURS: Record<PriorityName, string> = {
  low: '#6b7280',
  medium: '#2563eb',
  high: '#d97706',
  urgent: '#dc2626',
};

const label = { color: '#6b7280', fontSize: 12, margin: '0 0 4px', textTransform: 'uppercase' as const };

/** Who is waiting, the AI summary, the priority and the button to the conversation in the inbox. */
export function ConversationCard({
  visitorName,
  summary,
  priority,
  priorityReason,
  conversationUrl,
}: ConversationCardProps) {
  return (
    <Section style={{ border: '1px solid #e5e7eb', borderRadius: 8, padding: 16 }}>
      <Text style={label}>Visitor</Text>
      <Text style={{ fontSize: 15, margin: '0 0 12px' }}>{visitorName}</Text>
      {priority ? (
        <>
          <Text style={label}>Priority</Text>
          <Text style={{ color: PRIORITY_COLOURS[priority], fontWeight: 700, margin: '0 0 12px' }}>
            {priority}
            {priorityReason ? ` — ${priorityReason}` : ''}
          </Text>
        </>
      ) : null}
      {summary ? (
        <>
          <Text style={label}>Summary</Text>
          <Text style={{ fontSize: 14, lineHeight: '21px', margin: '0 0 16px', whiteSpace: 'pre-wrap' }}>
            {summary}
          </Text>
        </>
      ) : null}
      <Button
        href={conversationUrl}
        style={{ backgroundColor: '#111827', borderRadius: 6, color: '#ffffff', fontSize: 14, padding: '10px 16px' }}
      >
        Open the conversation
      </Button>
    </Section>
  );
}
