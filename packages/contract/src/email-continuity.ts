import { z } from 'zod';

/** The widget exchanges the signed token of an email's "continue the chat" link (`?flowdesk_continue=`). */
export const ContinueConversationRequest = z.object({ token: z.string().min(10).max(2000) });
export type ContinueConversationRequest = z.infer<typeof ContinueConversationRequest>;

/** A visitor token that opens only this conversation, for the browser the link was opened in. */
export const ContinueConversationResponse = z.object({
  visitorToken: z.string(),
  conversationId: z.string(),
});
export type ContinueConversationResponse = z.infer<typeof ContinueConversationResponse>;

/** The query parameter the widget loader reads on the page a "continue the chat" link opens. */
export const CONTINUE_PARAM = 'flowdesk_continue';

/** The local mailbox's stand-in for Resend's inbound webhook: an emailed reply, as an admin types it. */
export const SimulatedInboundEmail = z.object({
  to: z.string().trim().min(3).max(320),
  from: z.string().trim().min(3).max(320),
  subject: z.string().max(500).default('Re: your conversation'),
  text: z.string().min(1).max(50_000),
  attachments: z
    .array(
      z.object({
        filename: z.string().min(1).max(255),
        contentType: z.string().max(255),
        size: z.number().int().min(0),
      }),
    )
    .max(20)
    .default([]),
});
export type SimulatedInboundEmail = z.infer<typeof SimulatedInboundEmail>;
