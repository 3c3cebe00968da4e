import { at, edge } from './layout';
import { askEmail, endWith, starterFlow } from './starter-flow';

/** Appointment request: service, preferred date, contact details; the team gets an email to confirm. */
export const appointmentTemplate = starterFlow({
  id: 'appointment_request',
  name: 'Appointment request',
  variables: [
    { name: 'service', description: 'The service the visitor wants' },
    { name: 'date', description: 'Preferred date' },
    { name: 'email', description: 'Where to send the confirmation' },
  ],
  blocks: [
    {
      id: 'service_menu',
      type: 'buttons',
      position: at(1, 1),
      data: {
        text: 'Hi! Which appointment would you like to book?',
        buttons: [
          { id: 'consultation', label: 'Consultation' },
          { id: 'follow_up', label: 'Follow-up visit' },
          { id: 'other', label: 'Something else' },
        ],
        saveAs: 'service',
      },
    },
    {
      id: 'ask_date',
      type: 'capture',
      position: at(2, 1),
      data: {
        prompt: 'Which day suits you best?',
        inputType: 'date',
        saveAs: 'date',
        retryMessage: 'Please pick a date, e.g. 2027-03-14.',
        maxRetries: 2,
      },
    },
    askEmail('ask_contact', at(3, 1), {
      prompt: 'Which email should we send the confirmation to?',
      placeholder: 'you@example.com',
    }),
    {
      id: 'notify_team',
      type: 'send_email',
      position: at(4, 1),
      data: {
        to: 'bookings@example.com',
        subject: 'Appointment request: {{service}} on {{date}}',
        body: 'Service: {{service}}\nDate: {{date}}\nEmail: {{email}}',
      },
    },
    endWith('confirm', at(5, 1), "Thanks! We'll confirm your {{service}} on {{date}} by email to {{email}}."),
    endWith('gave_up', at(3, 2), 'No worries, you can also call us to book.'),
  ],
  edges: [
    edge('start', 'next', 'service_menu'),
    edge('service_menu', 'consultation', 'ask_date'),
    edge('service_menu', 'follow_up', 'ask_date'),
    edge('service_menu', 'other', 'ask_date'),
    edge('ask_date', 'next', 'ask_contact'),
    edge('ask_date', 'invalid', 'gave_up'),
    edge('ask_contact', 'next', 'notify_team'),
    edge('ask_contact', 'invalid', 'gave_up'),
    edge('notify_team', 'next', 'confirm'),
  ],
});
