import { z } from 'zod';

/** Resend webhook events this runtime reads (the body is verified with Svix before it is parsed). */
export const WebhookEvent = z.object({ type: z.string().max(100), created_at: z.string().max(100).optional() });

const Address = z.string().max(500);

/** `email.received`: metadata only; the text, HTML and attachment sizes come from the Receiving API. */
export const ReceivedEvent = z.object({
  type: z.literal('email.received'),
  data: z.object({
    email_id: z.string().min(1).max(200),
    from: Address,
    to: z.array(Address).max(100),
    cc: z.array(Address).max(100).nullable().optional(),
    received_for: z.array(Address).max(100).nullable().optional(),
    subject: z.string().max(2000).default(''),
  }),
});

/** `email.bounced`: a `Permanent` bounce means the address cannot receive mail. */
export const BouncedEvent = z.object({
  type: z.literal('email.bounced'),
  data: z.object({
    to: z.array(Address).max(100),
    bounce: z.looseObject({ type: z.string().max(100).optional() }).optional(),
  }),
});
