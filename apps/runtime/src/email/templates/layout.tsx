import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';

export interface LayoutProps {
  preview: string;
  heading: string;
  /** Why the recipient got this, shown above the unsubscribe link. */
  reason: string;
  /** Absent for emails the recipient asked for (an invite, a password reset): nothing to unsubscribe from. */
  unsubscribeUrl?: string;
  children: ReactNode;
}

const body = { backgroundColor: '#f4f5f7', fontFamily: 'Helvetica, Arial, sans-serif', margin: 0, padding: '24px 0' };
const container = { backgroundColor: '#ffffff', borderRadius: 8, margin: '0 auto', maxWidth: 560, padding: 28 };
const footer = { color: '#6b7280', fontSize: 12, lineHeight: '18px' };

/** The frame of every email: preview line, heading, content and a footer with the unsubscribe link. */
export function Layout({ preview, heading, reason, unsubscribeUrl, children }: LayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Heading as="h1" style={{ fontSize: 20, margin: '0 0 16px' }}>
            {heading}
          </Heading>
          {children}
          <Hr style={{ borderColor: '#e5e7eb', margin: '24px 0 12px' }} />
          <Section>
            <Text style={footer}>
              {reason}
              {unsubscribeUrl ? (
                <>
                  {' '}
                  <Link href={unsubscribeUrl} style={{ color: '#6b7280' }}>
                    Unsubscribe
                  </Link>
                </>
              ) : null}
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
