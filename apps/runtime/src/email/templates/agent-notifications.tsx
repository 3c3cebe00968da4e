import { Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { ConversationCard, type ConversationCardProps } from './conversation-card';
import { defineTemplate, type TemplateDef } from './template';

const introStyle = { fontSize: 15, lineHeight: '22px', margin: '0 0 16px' };
const quoteStyle = { borderLeft: '3px solid #d1d5db', color: '#374151', margin: '0 0 16px', paddingLeft: 12 };

/** An agent notification: its body says what happened (`intro`), quotes the words if any, then shows the card. */
interface NoticeDef<P extends ConversationCardProps> extends Omit<TemplateDef<P>, 'content'> {
  intro: (props: P) => ReactNode;
  quoted?: (props: P) => string;
}

const defineNotice = <P extends ConversationCardProps>({ intro, quoted, ...def }: NoticeDef<P>) =>
  defineTemplate<P>({
    ...def,
    content: (p) => (
      <>
        <Text style={introStyle}>{intro(p)}</Text>
        {quoted === undefined ? null : <Text style={quoteStyle}>{quoted(p)}</Text>}
        <ConversationCard {...p} />
      </>
    ),
  });

export interface NeedsAttentionProps extends ConversationCardProps {
  teamName?: string | null;
  /** Set when nobody was available: the conversation waits for follow-up. */
  followUp?: { reason: string; replyDueAt: string | null } | null;
}

const FOLLOW_UP_WHY: Record<string, string> = {
  outside_hours: 'outside office hours',
  no_agent_online: 'while nobody was online',
  no_reply_in_time: 'and nobody replied in time',
  contact_form: 'through the contact form',
};

/** "Friday 4 December, 17:00 UTC": the promised reply time, in UTC (emails do not know the reader's zone). */
const replyBy = (iso: string) =>
  `${new Date(iso).toLocaleString('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' })} UTC`;

export const needsAttention = defineNotice<NeedsAttentionProps>({
  subject: (p) =>
    `${p.priority === 'urgent' ? '[Urgent] ' : ''}${
      p.followUp ? `New conversation waiting while you were away: ${p.visitorName}` : `${p.visitorName} needs an agent`
    }`,
  heading: (p) =>
    p.followUp ? 'New conversation waiting while you were away' : 'A conversation needs agent intervention',
  reason: 'You get this because you handle conversations handed off by the bot.',
  intro: (p) =>
    p.followUp ? (
      <>
        {p.visitorName} asked for a person {FOLLOW_UP_WHY[p.followUp.reason] ?? ''} and is waiting for follow-up
        {p.teamName ? ` in ${p.teamName}` : ''}.
        {p.followUp.replyDueAt ? ` We promised a reply by ${replyBy(p.followUp.replyDueAt)}.` : ''}
      </>
    ) : (
      <>
        The bot handed {p.visitorName} over{p.teamName ? ` to ${p.teamName}` : ''}. Someone should reply soon.
      </>
    ),
});

export interface AssignedToYouProps extends ConversationCardProps {
  assignedBy?: string | null;
}

export const assignedToYou = defineNotice<AssignedToYouProps>({
  subject: (p) => `Conversation with ${p.visitorName} assigned to you`,
  heading: () => 'A conversation was assigned to you',
  reason: 'You get this because a conversation was assigned to you.',
  intro: (p) => (
    <>
      {p.assignedBy ? `${p.assignedBy} assigned` : 'Routing assigned'} the conversation with {p.visitorName} to you.
    </>
  ),
});

export interface AssignedToTeamProps extends ConversationCardProps {
  teamName: string;
}

export const assignedToTeam = defineNotice<AssignedToTeamProps>({
  subject: (p) => `New conversation for ${p.teamName}: ${p.visitorName}`,
  heading: (p) => `A conversation was assigned to ${p.teamName}`,
  reason: 'You get this because you are a member of this team.',
  intro: (p) => (
    <>
      The conversation with {p.visitorName} now belongs to {p.teamName}.
    </>
  ),
});

export interface UnseenMessageProps extends ConversationCardProps {
  messageText: string;
  minutesWaiting: number;
}

export const unseenMessage = defineNotice<UnseenMessageProps>({
  subject: (p) => `${p.visitorName} is waiting for your reply`,
  heading: () => 'New message waiting for you',
  reason: 'You get this because a conversation assigned to you has an unanswered message.',
  intro: (p) => (
    <>
      {p.visitorName} wrote {p.minutesWaiting} minutes ago and nobody has answered yet:
    </>
  ),
  quoted: (p) => p.messageText,
});

export interface MentionedProps extends ConversationCardProps {
  authorName: string;
  noteText: string;
}

export const mentioned = defineNotice<MentionedProps>({
  subject: (p) => `${p.authorName} mentioned you in a note`,
  heading: (p) => `${p.authorName} mentioned you`,
  reason: 'You get this because someone mentioned you in an internal note.',
  intro: (p) => (
    <>
      In the conversation with {p.visitorName}, {p.authorName} wrote (internal note):
    </>
  ),
  quoted: (p) => p.noteText,
});

export interface SlaEscalationProps extends ConversationCardProps {
  waitingMinutes: number;
  slaMinutes: number;
  teamName?: string | null;
  /** An urgent conversation waiting for follow-up with nobody available: escalated at once, not after the SLA. */
  urgentFollowUp?: boolean;
}

export const slaEscalation = defineNotice<SlaEscalationProps>({
  subject: (p) =>
    p.urgentFollowUp
      ? `Escalation: urgent conversation with ${p.visitorName} and nobody available`
      : `Escalation: ${p.visitorName} has waited ${p.waitingMinutes} minutes`,
  heading: (p) =>
    p.urgentFollowUp ? 'An urgent visitor is waiting for follow-up' : 'A handoff is waiting longer than the SLA',
  reason: 'You get this because you are an admin of this workspace and escalations are on.',
  intro: (p) =>
    p.urgentFollowUp
      ? `${p.visitorName} needs a person urgently and nobody${p.teamName ? ` of ${p.teamName}` : ''} was available to take it.`
      : `${p.visitorName} has waited ${p.waitingMinutes} minutes for an agent${p.teamName ? ` of ${p.teamName}` : ''}; the target is ${p.slaMinutes} minutes.`,
});
