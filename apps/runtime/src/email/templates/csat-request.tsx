import { Button, Section, Text } from '@react-email/components';
import { defineTemplate } from './template';

export interface CsatRequestProps {
  botName: string;
  /** Who resolved it (null: the bot). */
  agentName: string | null;
  scale: 'stars' | 'thumbs';
  /** One signed link per score (stars 1–5, or thumbs 1 = down and 5 = up). */
  links: Array<{ score: number; url: string }>;
}

const label = (scale: CsatRequestProps['scale'], score: number) =>
  scale === 'thumbs' ? (score >= 4 ? '👍 Good' : '👎 Bad') : `${'★'.repeat(score)}${'☆'.repeat(5 - score)} ${score}`;

/** After a resolution the visitor was not there to see: how did we do? (CSAT, one link per score). */
export const csatRequest = defineTemplate<CsatRequestProps>({
  subject: (p) => `How did we do? Rate your conversation with ${p.botName}`,
  heading: () => 'How did we do?',
  reason: 'You get this because you asked us a question in the chat and left your email address.',
  content: (p) => (
    <>
      <Text style={{ fontSize: 15, lineHeight: '22px' }}>
        {p.agentName ? `${p.agentName} resolved your conversation.` : 'Your conversation was resolved.'} Choose a
        rating; you can add a comment on the next page.
      </Text>
      <Section>
        {p.links.map((link) => (
          <Button
            key={link.score}
            href={link.url}
            style={{
              backgroundColor: '#111827',
              borderRadius: 6,
              color: '#ffffff',
              fontSize: 14,
              padding: '8px 12px',
              margin: '0 6px 6px 0',
            }}
          >
            {label(p.scale, link.score)}
          </Button>
        ))}
      </Section>
    </>
  ),
});
