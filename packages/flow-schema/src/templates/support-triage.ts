import { at } from './layout';
import {
  askEmail,
  askText,
  buttonMenu,
  endWith,
  handoffToTeam,
  sendEmail,
  starterFlow,
  textMessage,
} from './starter-flow';

/** Support triage: sort the request, hand off to the right people in office hours, take an email when closed. */
export const supportTriageTemplate = starterFlow({
  id: 'support_triage',
  name: 'Support triage',
  variables: {
    topic: 'What the visitor needs help with',
    details: 'The problem in their words',
    email: 'Where to reach the visitor when the team is away',
  },
  blocks: [
    textMessage('welcome', at(1, 1), 'Hi! Our support team is here to help.'),
    buttonMenu(
      'topic_menu',
      at(2, 1),
      'What is it about?',
      { billing: 'Billing', bug: 'Something is broken', account: 'My account' },
      'topic',
    ),
    askText('ask_details', at(3, 1), 'Tell us a little more, so the right person picks it up.', 'details'),
    handoffToTeam('handoff', at(4, 1), {
      confirmationMessage: 'Thanks! Someone from the team will reply here shortly.',
      offlineMessage: 'Our team is outside office hours right now.',
      noAgentTimeoutMinutes: 15,
    }),
    askEmail('ask_email', at(5, 2), {
      prompt: "Leave your email and we'll answer as soon as we're back.",
      placeholder: 'you@example.com',
    }),
    sendEmail('notify_team', at(6, 2), {
      to: 'support@example.com',
      subject: '{{topic}}: follow-up requested by {{email}}',
      body: 'A visitor asked to be contacted at {{email}}.\nTopic: {{topic}}\nDetails: {{details}}',
    }),
    endWith('goodbye', at(7, 1), "Thanks! We'll write to {{email}} soon."),
    endWith('closing', at(5, 0), 'Glad we could help. Have a great day!'),
  ],
  exits: {
    welcome: { next: 'topic_menu' },
    topic_menu: { billing: 'ask_details', bug: 'ask_details', account: 'ask_details' },
    ask_details: { next: 'handoff' },
    handoff: { handed_off: 'closing', offline: 'ask_email', no_agent_timeout: 'ask_email' },
    ask_email: { next: 'notify_team', invalid: 'closing' },
    notify_team: { next: 'goodbye' },
  },
});
