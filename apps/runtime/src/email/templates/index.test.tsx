import { describe, expect, it } from 'vitest';
import { EMAIL_KINDS, type EmailKind, renderEmail, type TemplateProps } from './index';

const link = 'https://desk.example.test/app/inbox/c-42';
const unsubscribe = 'https://desk.example.test/api/email/unsubscribe?token=abc.def';
const card = {
  visitorName: 'Zoé <script>alert(1)</script>',
  summary: 'Wants a refund for order #123 & is upset',
  priority: 'urgent' as const,
  priorityReason: 'angry customer',
  conversationUrl: link,
};

const samples: TemplateProps = {
  needs_attention: { ...card, teamName: 'Billing' },
  assigned_to_you: { ...card, assignedBy: 'Ana' },
  assigned_to_team: { ...card, teamName: 'Billing' },
  unseen_message: { ...card, messageText: 'Hello? <b>anyone</b>', minutesWaiting: 12 },
  mentioned: { ...card, authorName: 'Ben', noteText: '@you please check <img src=x>' },
  sla_escalation: { ...card, waitingMinutes: 42, slaMinutes: 15, teamName: 'Billing' },
  flow_email: { subject: 'Your quote', body: 'Hello Zoé,\n\nYour quote is <b>99€</b>.', botName: 'Acme bot' },
  transcript: {
    botName: 'Acme bot',
    visitorName: 'Zoé',
    lines: [
      { author: 'Zoé', text: 'Hi <there>', at: '14:01' },
      { author: 'Acme bot', text: 'Hello!', at: '14:01' },
    ],
  },
  visitor_reply: {
    botName: 'Acme bot',
    agentName: 'Sam',
    messages: [{ author: 'Sam', text: 'Refunded <b>anyone</b>' }],
    continueUrl: 'https://desk.example.test/demo?flowdesk_continue=abc.def',
  },
  csat_request: {
    botName: 'Acme bot',
    agentName: 'Sam <b>anyone</b>',
    scale: 'stars',
    links: [5, 4, 3, 2, 1].map((score) => ({ score, url: `https://desk.example.test/api/email/csat?token=t${score}` })),
  },
};

/** The email of `kind` rendered from its sample (or `props`), with the unsubscribe link. */
const render = <K extends EmailKind>(kind: K, props: TemplateProps[K] = samples[kind]) =>
  renderEmail(kind, props, unsubscribe);

describe('email templates', () => {
  it.each(EMAIL_KINDS)('%s has HTML, a plain-text part and the unsubscribe link', async (kind) => {
    const email = await render(kind);
    expect(email.subject.length).toBeGreaterThan(3);
    expect(email.html).toMatch(/^<!DOCTYPE html/i);
    expect(email.html).toContain(unsubscribe.replace('&', '&amp;'));
    expect(email.text).toContain(unsubscribe);
    expect(email.text).not.toMatch(/<(html|body|div|table)/i);
    expect(email.html).not.toMatch(/<script|<img src=x|<b>anyone|<b>99/);
  });

  it('puts the summary, priority and deep link into agent notifications', async () => {
    const email = await render('needs_attention');
    expect(email.subject).toBe('[Urgent] Zoé <script>alert(1)</script> needs an agent');
    expect(email.html).toContain(`href="${link}"`);
    expect(email.html).toContain('Zoé &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).toContain('Wants a refund for order #123 &amp; is upset');
    expect(email.text).toContain('urgent — angry customer');
    expect(email.text).toContain('Wants a refund for order #123 & is upset');
    expect(email.text).toContain(link);
    expect(email.text).toContain('to Billing');
  });

  it('keeps quoted visitor and note text as text', async () => {
    const unseen = await render('unseen_message');
    expect(unseen.html).toContain('Hello? &lt;b&gt;anyone&lt;/b&gt;');
    expect(unseen.text).toContain('12 minutes ago');
    const mention = await render('mentioned');
    expect(mention.subject).toBe('Ben mentioned you in a note');
    expect(mention.text).toContain('@you please check <img src=x>');
  });

  it('renders the flow email body as paragraphs and the transcript line by line', async () => {
    const flow = await render('flow_email');
    expect(flow.subject).toBe('Your quote');
    expect(flow.text).toContain('Your quote is <b>99€</b>.');
    const copy = await render('transcript');
    expect(copy.text.indexOf('Hi <there>')).toBeLessThan(copy.text.indexOf('Hello!'));
  });

  it('flattens line breaks out of subjects so no header can be injected', async () => {
    const flow = await render('flow_email', { ...samples.flow_email, subject: 'Hi\r\nBcc: x@y.z' });
    expect(flow.subject).toBe('Hi Bcc: x@y.z');
  });
});
