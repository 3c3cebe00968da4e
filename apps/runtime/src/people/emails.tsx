import { Button, Section, Text } from '@react-email/components';
import { render } from '@react-email/render';
import type { Kysely } from 'kysely';
import type { ReactNode } from 'react';
import type { Database } from '../db/schema';
import { enqueueEmail } from '../email/outbox';
import { Layout } from '../email/templates/layout';

/** Where the dashboard's pages for emailed links live (under the runtime's public address). */
export const INVITE_PAGE = '/app/accept-invite';
export const RESET_PAGE = '/app/reset-password';

const button = { backgroundColor: '#111827', borderRadius: 6, color: '#ffffff', fontSize: 14, padding: '10px 16px' };
const para = { fontSize: 15, lineHeight: '22px' };

function linkEmail(props: { heading: string; lines: string[]; action: string; url: string; footnote: string }) {
  return (
    <>
      {props.lines.map((line) => (
        <Text key={line} style={para}>
          {line}
        </Text>
      ))}
      <Section>
        <Button href={props.url} style={button}>
          {props.action}
        </Button>
      </Section>
      <Text style={{ color: '#6b7280', fontSize: 13 }}>
        {props.footnote} If the button does not work, open this address: {props.url}
      </Text>
    </>
  );
}

async function renderParts(subject: string, heading: string, reason: string, content: ReactNode) {
  const element = (
    <Layout preview={subject} heading={heading} reason={reason}>
      {content}
    </Layout>
  );
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: subject.replace(/[\r\n]+/g, ' ').slice(0, 250), html, text };
}

export interface InviteEmail {
  to: string;
  name: string;
  inviterName: string;
  workspaceName: string;
  url: string;
  workspaceId: string;
}

/** Queues the invite email in the caller's transaction (the outbox sends it after the commit). */
export async function queueInviteEmail(trx: Kysely<Database>, email: InviteEmail, now: Date) {
  const subject = `${email.inviterName} invited you to ${email.workspaceName} on Flowdesk`;
  const rendered = await renderParts(
    subject,
    `Join ${email.workspaceName} on Flowdesk`,
    'You get this because a Flowdesk admin invited this address.',
    linkEmail({
      heading: subject,
      lines: [
        `Hi ${email.name},`,
        `${email.inviterName} invited you to answer conversations with the ${email.workspaceName} team. Choose your password to get started.`,
      ],
      action: 'Choose your password',
      url: email.url,
      footnote: 'This link works once, for 72 hours.',
    }),
  );
  return enqueueEmail(trx, {
    ...rendered,
    kind: 'invite',
    to: email.to,
    workspaceId: email.workspaceId,
    requested: true,
    now,
  });
}

export interface ResetEmail {
  to: string;
  name: string;
  url: string;
  workspaceId: string;
  userId: string;
}

/** Queues the password reset email in the caller's transaction. */
export async function queueResetEmail(trx: Kysely<Database>, email: ResetEmail, now: Date) {
  const rendered = await renderParts(
    'Choose a new Flowdesk password',
    'Choose a new password',
    'You get this because someone asked to reset the password of this address on the sign-in page.',
    linkEmail({
      heading: 'Choose a new password',
      lines: [
        `Hi ${email.name},`,
        'We got a request to reset your Flowdesk password. If it was not you, ignore this email: your password stays as it is.',
      ],
      action: 'Choose a new password',
      url: email.url,
      footnote: 'This link works once, for 1 hour. Every device signed in to your account is signed out.',
    }),
  );
  return enqueueEmail(trx, {
    ...rendered,
    kind: 'password_reset',
    to: email.to,
    workspaceId: email.workspaceId,
    recipientUserId: email.userId,
    requested: true,
    now,
  });
}
