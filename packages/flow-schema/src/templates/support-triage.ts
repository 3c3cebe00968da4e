import { at, edge } from './layout';
import { askEmail, askText, endWith, handoffToTeam, starterFlow, textMessage } from './starter-flow';

/** Support triage: sort the request, hand off to the right people in office hours, take an email when closed. */
export const supportTriageTemplate = starterFlow({
  id: 'support_triage',
  name: 'Support triage',
  variables: [
    { name: 'topic', description: 'What the visitor needs help with' },
    { name: 'details', description: 'The problem in their words' },
    { name: 'email', description: 'Where to reach the visitor when the team is away' },
  ],
  blocks: [
    textMessage('welcome', at(1, 1), 'Hi! Our support team is here to help.'),
    {
      id: 'topic_menu',
      type: 'buttons',
      position: at(2, 1),
      data: {
        text: 'What is it about?',
        buttons: [
          { id: 'billing', label: 'Billing' },
          { id: 'bug', label: 'Something is broken' },
          { id: 'account', label: 'My account' },
        ],
        saveAs: 'topic',
      },
    },
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
    {
      id: 'notify_team',
      type: 'send_email',
      position: at(6, 2),
      data: {
        to: 'support@example.com',
        subject: '{{topic}}: follow-up requested by {{email}}',
        body: 'A visitor asked to be contacted at {{email}}.\nTopic: {{topic}}\nDetails: {{details}}',
      },
    },
    endWith('goodbye', at(7, 1), "Thanks! We'll write to {{email}} soon."),
    endWith('closing', at(5, 0), 'Glad we could help. Have a great day!'),
  ],
  edges: [
    edge('start', 'next', 'welcome'),
    edge('welcome', 'next', 'topic_menu'),
    edge('topic_menu', 'billing', 'ask_details'),
    edge('topic_menu', 'bug', 'ask_details'),
    edge('topic_menu', 'account', 'ask_details'),
    edge('ask_details', 'next', 'handoff'),
    edge('handoff', 'handed_off', 'closing'),
    edge('handoff', 'offline', 'ask_email'),
    edge('handoff', 'no_agent_timeout', 'ask_email'),
    edge('ask_email', 'next', 'notify_team'),
    edge('ask_email', 'invalid', 'closing'),
    edge('notify_team', 'next', 'goodbye'),
  ],
});
