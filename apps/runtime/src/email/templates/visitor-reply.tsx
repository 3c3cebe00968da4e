import { Button, Section, Text } from '@react-email/components';
import { defineTemplate } from './template';

export interface VisitorReplyProps {
  botName: string;
  /** Who answered (the first agent of the burst), e.g. "Sam Agent". */
  agentName: string;
  /** The agent messages of one burst, in order, as plain text. */
  messages: Array<{ author: string; text: string }>;
  /** Signed link that reopens the chat with its history on any device. */
  continueUrl: string;
}

/** An agent's answer to a visitor who was not in the widget; replying to the email continues the chat. */
export const visitorReply = defineTemplate<VisitorReplyProps>({
  subject: (p) => `${p.agentName} replied to your conversation with ${p.botName}`,
  heading: (p) => `${p.agentName} replied`,
  reason: 'You get this because you asked us a question in the chat and left your email address.',
  content: (p) => (
    <>
      {p.messages.map((message, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: messages keep their order.
        <Text key={i} style={{ fontSize: 15, lineHeight: '22px', whiteSpace: 'pre-wrap', margin: '0 0 12px' }}>
          <strong>{message.author}</strong>
          <br />
          {message.text}
        </Text>
      ))}
      <Text style={{ color: '#374151', fontSize: 14 }}>Reply to this email to answer, or continue in the chat:</Text>
      <Section>
        <Button
          href={p.continueUrl}
          style={{ backgroundColor: '#111827', borderRadius: 6, color: '#ffffff', fontSize: 14, padding: '10px 16px' }}
        >
          Continue the conversation
        </Button>
      </Section>
    </>
  ),
});
