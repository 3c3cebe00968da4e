import type { VisitorReach } from '@flowdesk/contract';
import type { Kysely } from 'kysely';
import type { Conversation, Database } from '../db/schema';
import { isVisitorConnected, visitorStaleMs } from '../realtime/visitor-presence';
import type { Services } from '../services';

/** How a reply sent now reaches the conversation's visitor: the open chat, email (email area), or their return. */
export async function visitorReach(
  services: Services,
  db: Kysely<Database>,
  conversation: Pick<Conversation, 'id' | 'visitor_id'>,
  visitor: { email: string | null },
): Promise<VisitorReach> {
  const staleMs = visitorStaleMs(services.config.WS_HEARTBEAT_MS);
  const inChat = await isVisitorConnected(db, conversation.visitor_id, staleMs);
  const hook = services.conversationHooks.visitorReach;
  const via = hook ? await hook(db, conversation, visitor, inChat) : inChat ? 'chat' : 'later';
  return { via, inChat };
}

/** `visitorReach` of a conversation by id (after a reply: how that reply reaches the visitor). */
export async function conversationReach(services: Services, conversationId: string): Promise<VisitorReach> {
  const row = await services.db
    .selectFrom('conversations as c')
    .innerJoin('visitors as v', 'v.id', 'c.visitor_id')
    .select(['c.id', 'c.visitor_id', 'v.email'])
    .where('c.id', '=', conversationId)
    .executeTakeFirstOrThrow();
  return visitorReach(services, services.db, row, row);
}
