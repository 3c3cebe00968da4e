import { render } from '@react-email/render';
import {
  type AssignedToTeamProps,
  type AssignedToYouProps,
  assignedToTeam,
  assignedToYou,
  type MentionedProps,
  mentioned,
  type NeedsAttentionProps,
  needsAttention,
  type SlaEscalationProps,
  slaEscalation,
  type UnseenMessageProps,
  unseenMessage,
} from './agent-notifications';
import { type CsatRequestProps, csatRequest } from './csat-request';
import { Layout } from './layout';
import type { TemplateDef } from './template';
import { type FlowEmailProps, flowEmail, type TranscriptProps, transcript } from './visitor-emails';
import { type VisitorReplyProps, visitorReply } from './visitor-reply';

/** Props of each email kind. */
export interface TemplateProps {
  needs_attention: NeedsAttentionProps;
  assigned_to_you: AssignedToYouProps;
  assigned_to_team: AssignedToTeamProps;
  unseen_message: UnseenMessageProps;
  mentioned: MentionedProps;
  sla_escalation: SlaEscalationProps;
  flow_email: FlowEmailProps;
  transcript: TranscriptProps;
  visitor_reply: VisitorReplyProps;
  csat_request: CsatRequestProps;
}
export type EmailKind = keyof TemplateProps;

const TEMPLATES: { [K in EmailKind]: TemplateDef<TemplateProps[K]> } = {
  needs_attention: needsAttention,
  assigned_to_you: assignedToYou,
  assigned_to_team: assignedToTeam,
  unseen_message: unseenMessage,
  mentioned,
  sla_escalation: slaEscalation,
  flow_email: flowEmail,
  transcript,
  visitor_reply: visitorReply,
  csat_request: csatRequest,
};

export const EMAIL_KINDS = Object.keys(TEMPLATES) as EmailKind[];

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** HTML and plain-text parts of one email; user text is escaped by React, never injected as HTML. */
export async function renderEmail<K extends EmailKind>(
  kind: K,
  props: TemplateProps[K],
  unsubscribeUrl: string,
): Promise<RenderedEmail> {
  const def = TEMPLATES[kind] as TemplateDef<TemplateProps[K]>;
  const subject = def.subject(props);
  const element = (
    <Layout preview={subject} heading={def.heading(props)} reason={def.reason} unsubscribeUrl={unsubscribeUrl}>
      {def.content(props)}
    </Layout>
  );
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: subject.replace(/[\r\n]+/g, ' ').slice(0, 250), html, text };
}
