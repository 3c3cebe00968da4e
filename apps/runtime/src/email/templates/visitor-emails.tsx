import { Section, Text } from '@react-email/components';
import { defineTemplate } from './template';

export interface FlowEmailProps {
  subject: string;
  /** Plain text written in the flow's Send email block (after variable interpolation). */
  body: string;
  botName: string;
}

export const flowEmail = defineTemplate<FlowEmailProps>({
  subject: (p) => p.subject,
  heading: (p) => p.subject,
  reason: 'You get this because of your conversation with our assistant.',
  content: (p) => (
    <>
      {p.body.split(/\n{2,}/).map((paragraph, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are static text in a fixed order.
        <Text key={i} style={{ fontSize: 15, lineHeight: '22px', whiteSpace: 'pre-wrap' }}>
          {paragraph}
        </Text>
      ))}
      <Text style={{ color: '#6b7280', fontSize: 13 }}>— {p.botName}</Text>
    </>
  ),
});

export interface TranscriptLine {
  author: string;
  text: string;
  /** Local time words, e.g. "14:05". */
  at: string;
}

export interface TranscriptProps {
  botName: string;
  visitorName: string;
  lines: TranscriptLine[];
}

export const transcript = defineTemplate<TranscriptProps>({
  subject: (p) => `Your conversation with ${p.botName}`,
  heading: () => 'Transcript of your conversation',
  reason: 'You get this because you chatted with us and left your email address.',
  content: (p) => (
    <>
      <Text style={{ fontSize: 15 }}>
        Hi {p.visitorName}, here is a copy of your conversation. Thanks for reaching out.
      </Text>
      <Section>
        {p.lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: transcript lines keep their order.
          <Text key={i} style={{ fontSize: 14, lineHeight: '20px', margin: '0 0 8px', whiteSpace: 'pre-wrap' }}>
            <strong>{line.author}</strong> <span style={{ color: '#6b7280' }}>{line.at}</span>
            <br />
            {line.text}
          </Text>
        ))}
      </Section>
    </>
  ),
});
