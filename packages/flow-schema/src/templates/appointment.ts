import type { FlowDocumentInput } from '../document';
import { at, edge } from './layout';

/** Appointment request: service, preferred date, contact details; the team gets an email to confirm. */
export const appointmentTemplate: FlowDocumentInput = {
  schemaVersion: 1,
  id: 'appointment_request',
  name: 'Appointment request',
  settings: { welcome: 'on_open', fallbackMessage: 'Please pick one of the options below.', intentThreshold: 0.6 },
  variables: [
    { name: 'service', description: 'The service the visitor wants' },
    { name: 'date', description: 'Preferred date' },
    { name: 'email', description: 'Where to send the confirmation' },
  ],
  blocks: [
    { id: 'start', type: 'start', position: at(0, 1), data: {} },
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
    {
      id: 'ask_contact',
      type: 'capture',
      position: at(3, 1),
      data: {
        prompt: 'Which email should we send the confirmation to?',
        inputType: 'email',
        placeholder: 'you@example.com',
        saveAs: 'email',
        retryMessage: "That doesn't look like an email address. Could you check it?",
        maxRetries: 2,
      },
    },
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
    {
      id: 'confirm',
      type: 'end',
      position: at(5, 1),
      data: { message: "Thanks! We'll confirm your {{service}} on {{date}} by email to {{email}}." },
    },
    {
      id: 'gave_up',
      type: 'end',
      position: at(3, 2),
      data: { message: 'No worries, you can also call us to book.' },
    },
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
};
