import {
  ContactRequest,
  MessagesPage,
  SendMessageRequest,
  SendMessageResponse,
  StartSessionRequest,
  StartSessionResponse,
  UpdateVisitorRequest,
  VisitorConversation,
  WidgetLauncherSettings,
  WidgetSettings,
} from '@flowdesk/contract';
import { z } from '@hono/zod-openapi';

/** The contract's public API shapes (its zod instance has no `.openapi`, so they are inlined in the document). */
export const PublicSchemas = {
  StartSessionRequest: StartSessionRequest,
  StartSessionResponse: StartSessionResponse,
  SendMessageRequest: SendMessageRequest,
  SendMessageResponse: SendMessageResponse,
  MessagesPage: MessagesPage,
  ContactRequest: ContactRequest,
  UpdateVisitorRequest: UpdateVisitorRequest,
  ConversationResponse: z.object({ conversation: VisitorConversation }),
  WidgetSettingsResponse: z.object({ settings: WidgetSettings }),
  WidgetLauncherResponse: z.object({ settings: WidgetLauncherSettings }),
};

export const BotIdParam = z.object({ botId: z.string().min(1).max(100) });
export const ConversationIdParam = z.object({ id: z.string().min(1).max(100) });
export const visitorSecurity = [{ visitorToken: [] }];
