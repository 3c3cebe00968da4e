import { at } from './layout';
import { askEmail, askText, buttonMenu, endWith, sendEmail, starterFlow } from './starter-flow';

/** Lead capture: ask what the visitor is after, take name, email and company, send the lead to sales. */
export const leadCaptureTemplate = starterFlow({
  id: 'lead_capture',
  name: 'Lead capture',
  variables: {
    interest: 'What the visitor is interested in',
    name: "The visitor's name",
    email: "The visitor's work email",
    company: "The visitor's company",
  },
  blocks: [
    buttonMenu(
      'interest_menu',
      at(1, 1),
      'Hi! 👋 What brings you here today?',
      { demo: 'Book a demo', pricing: 'Pricing for my team', browsing: 'Just browsing' },
      'interest',
    ),
    askText('ask_name', at(2, 1), 'Great! What is your name?', 'name'),
    askEmail('ask_email', at(3, 1), {
      prompt: 'Thanks {{name}}. What is your work email?',
      placeholder: 'you@company.com',
    }),
    askText('ask_company', at(4, 1), 'And which company are you with?', 'company'),
    sendEmail('notify_sales', at(5, 1), {
      to: 'sales@example.com',
      subject: 'New lead: {{name}} ({{company}})',
      body: 'Name: {{name}}\nEmail: {{email}}\nCompany: {{company}}\nInterested in: {{interest}}',
    }),
    endWith(
      'thanks',
      at(6, 1),
      'Thanks {{name}}! Someone from our sales team will email {{email}} within one business day.',
    ),
    endWith('browsing_end', at(2, 2), 'No problem! Ask me anytime if a question comes up.'),
  ],
  exits: {
    interest_menu: { demo: 'ask_name', pricing: 'ask_name', browsing: 'browsing_end' },
    ask_name: { next: 'ask_email' },
    ask_email: { next: 'ask_company', invalid: 'browsing_end' },
    ask_company: { next: 'notify_sales' },
    notify_sales: { next: 'thanks' },
  },
});
