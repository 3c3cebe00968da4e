import { at } from './layout';
import { askEmail, buttonMenu, endWith, sendEmail, starterFlow } from './starter-flow';

/** Appointment request: service, preferred date, contact details; the team gets an email to confirm. */
export const appointmentTemplate = starterFlow({
  id: 'appointment_request',
  name: 'Appointment request',
  variables: {
    service: 'The service the visitor wants',
    date: 'Preferred date',
    email: 'Where to send the confirmation',
  },
  blocks: [
    buttonMenu(
      'service_menu',
      at(1, 1),
      'Hi! Which appointment would you like to book?',
      { consultation: 'Consultation', follow_up: 'Follow-up visit', other: 'Something else' },
      'service',
    ),
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
    sendEmail('notify_team', at(4, 1), {
      to: 'bookings@example.com',
      subject: 'Appointment request: {{service}} on {{date}}',
      body: 'Service: {{service}}\nDate: {{date}}\nEmail: {{email}}',
    }),
    endWith('confirm', at(5, 1), "Thanks! We'll confirm your {{service}} on {{date}} by email to {{email}}."),
    endWith('gave_up', at(3, 2), 'No worries, you can also call us to book.'),
  ],
  exits: {
    service_menu: { consultation: 'ask_date', follow_up: 'ask_date', other: 'ask_date' },
    ask_date: { next: 'ask_contact', invalid: 'gave_up' },
    ask_contact: { next: 'notify_team', invalid: 'gave_up' },
    notify_team: { next: 'confirm' },
  },
});
