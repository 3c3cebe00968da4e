import { z } from 'zod';
import { EMAILED_CLIENT_ID_PREFIX, Message, VisitorConversation } from './conversation';
import { EmailAddress } from './email-schema';
import { MAX_PUBLIC_VARIABLES, MAX_VARIABLE_NAME, MAX_VARIABLE_TEXT, MAX_VISITOR_NAME } from './page-details';

/** Public widget API, mounted under /api/public. Visitor calls carry `Authorization: Bearer <visitorToken>`. */
export const PUBLIC_API_PREFIX = '/api/public';

export const VisitorDetails = z.object({
  name: z.string().max(MAX_VISITOR_NAME).optional(),
  email: EmailAddress.optional(),
});

export { MAX_PUBLIC_VARIABLES };

/** Variables from the page: short names, flat values, at most MAX_PUBLIC_VARIABLES of them (the body limit bounds the parse). */
export const PublicVariables = z
  .record(z.string().max(MAX_VARIABLE_NAME), z.union([z.string().max(MAX_VARIABLE_TEXT), z.number(), z.boolean()]))
  .refine((variables) => Object.keys(variables).length <= MAX_PUBLIC_VARIABLES, {
    message: `At most ${MAX_PUBLIC_VARIABLES} variables can be set at once`,
  });

/** POST /api/public/bots/:botId/sessions — create or resume the visitor's session. */
export const StartSessionRequest = z.object({
  /** A token from an earlier session on this browser; resumes that visitor and their open conversation. */
  visitorToken: z.string().max(512).optional(),
  visitor: VisitorDetails.optional(),
  variables: PublicVariables.optional(),
  pageUrl: z.string().max(2000).optional(),
  locale: z.string().max(35).optional(),
});
export type StartSessionRequest = z.infer<typeof StartSessionRequest>;

export const WidgetSettings = z.object({
  botName: z.string(),
  /** Theme colours and texts from the bot's settings. */
  theme: z.object({ primaryColor: z.string(), position: z.enum(['left', 'right']) }),
  strings: z.record(z.string(), z.string()),
  replyTime: z.string().nullable(),
  online: z.boolean(),
});
export type WidgetSettings = z.infer<typeof WidgetSettings>;

/**
 * GET /api/public/bots/:botId/widget — what the loader needs to draw the launcher before any session:
 * no visitor token, cacheable for a minute.
 */
export const WidgetLauncherSettings = WidgetSettings.pick({ botName: true, theme: true, strings: true, online: true });
export type WidgetLauncherSettings = z.infer<typeof WidgetLauncherSettings>;

export const StartSessionResponse = z.object({
  visitorToken: z.string(),
  visitorId: z.string(),
  conversation: VisitorConversation,
  settings: WidgetSettings,
});
export type StartSessionResponse = z.infer<typeof StartSessionResponse>;

/** POST /api/public/conversations/:id/messages — idempotent on clientId. */
export const SendMessageRequest = z.object({
  clientId: z
    .string()
    .min(1)
    .max(100)
    .refine((id) => !id.startsWith(EMAILED_CLIENT_ID_PREFIX), {
      message: `may not start with "${EMAILED_CLIENT_ID_PREFIX}" (kept for replies that come by email)`,
    }),
  content: z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), text: z.string().min(1).max(5000) }),
    z.object({ type: z.literal('choice_reply'), optionId: z.string().max(200), label: z.string().max(500) }),
    z.object({ type: z.literal('form_reply'), values: z.record(z.string().max(100), z.string().max(2000)) }),
  ]),
});
export type SendMessageRequest = z.infer<typeof SendMessageRequest>;

/** The stored visitor message plus everything the bot answered in the same step. */
export const SendMessageResponse = z.object({
  message: Message,
  replies: z.array(Message),
  conversation: VisitorConversation,
});
export type SendMessageResponse = z.infer<typeof SendMessageResponse>;

/** GET /api/public/conversations/:id/messages?after=<seq>&limit=<n> */
export const MessagesPage = z.object({ messages: z.array(Message), conversation: VisitorConversation });
export type MessagesPage = z.infer<typeof MessagesPage>;

/** POST /api/public/conversations/:id/contact — email capture when offline. */
export const ContactRequest = z.object({ email: EmailAddress, name: z.string().max(200).optional() });

/** PATCH /api/public/visitor — identify() and setVariables() from the SDK. */
export const UpdateVisitorRequest = z.object({
  visitor: VisitorDetails.optional(),
  variables: StartSessionRequest.shape.variables,
});

/** POST /api/public/conversations — start a fresh conversation (after one was resolved). */

/** Every error body. */
export const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ApiError = z.infer<typeof ApiError>;
