import { at, edge } from './layout';
import { askEmail, askText, endWith, starterFlow } from './starter-flow';

/** Lead capture: ask what the visitor is after, take name, email and company, send the lead to sales. */
export const leadCaptureTemplate = starterFlow({
  id: 'lead_capture',
  name: 'Lead capture',
  variables: [
    { name: 'interest', description: 'What the visitor is interested in' },
    { name: 'name', description: "The visitor's name" },
    { name: 'email', description: "The visitor's work email" },
    { name: 'company', description: "The visitor's company" },
  ],
  blocks: [
    {
      id: 'interest_menu',
      type: 'buttons',
      position: at(1, 1),
      data: {
        text: 'Hi! 👋 What brings you here today?',
        buttons: [
          { id: 'demo', label: 'Book a demo' },
          { id: 'pricing', label: 'Pricing for my team' },
          { id: 'browsing', label: 'Just browsing' },
        ],
        saveAs: 'interest',
      },
    },
    askText('ask_name', at(2, 1), 'Great! What is your name?', 'name'),
    askEmail('ask_email', at(3, 1), {
      prompt: 'Thanks {{name}}. What is your work email?',
      placeholder: 'you@company.com',
    }),
    askText('ask_company', at(4, 1), 'And which company are you with?', 'company'),
    {
      id: 'notify_sales',
      type: 'send_email',
      position: at(5, 1),
      data: {
        to: 'sales@example.com',
        subject: 'New lead: {{name}} ({{company}})',
        body: 'Name: {{name}}\nEmail: {{email}}\nCompany: {{company}}\nInterested in: {{interest}}',
      },
    },
    endWith(
      'thanks',
      at(6, 1),
      'Thanks {{name}}! Someone from our sales team will email {{email}} within one business day.',
    ),
    endWith('browsing_end', at(2, 2), 'No problem! Ask me anytime if a question comes up.'),
  ],
  edges: [
    edge('start', 'next', 'interest_menu'),
    edge('interest_menu', 'demo', 'ask_name'),
    edge('interest_menu', 'pricing', 'ask_name'),
    edge('interest_menu', 'browsing', 'browsing_end'),
    edge('ask_name', 'next', 'ask_email'),
    edge('ask_email', 'next', 'ask_company'),
    edge('ask_email', 'invalid', 'browsing_end'),
    edge('ask_company', 'next', 'notify_sales'),
    edge('notify_sales', 'next', 'thanks'),
  ],
});
