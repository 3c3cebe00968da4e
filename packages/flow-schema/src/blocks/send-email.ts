import { z } from 'zod';
import { Template } from '../common';
import { defineBlock, nextOnly } from './define';

export const SendEmailData = z.object({
  to: Template.min(1).max(500),
  subject: Template.min(1).max(500),
  body: Template,
});
export type SendEmailData = z.infer<typeof SendEmailData>;

export const sendEmailBlock = defineBlock({
  type: 'send_email',
  label: 'Send email',
  group: 'Actions',
  description: 'Sends an email (address, subject and text may hold {{variables}}).',
  data: SendEmailData,
  defaults: () => ({ to: 'team@example.com', subject: 'New message from the chatbot', body: '' }),
  outputs: nextOnly,
  waitsForInput: false,
});
