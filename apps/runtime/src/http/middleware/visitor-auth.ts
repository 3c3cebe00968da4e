import type { Context } from 'hono';
import type { Conversation, Visitor } from '../../db/schema';
import { findConversation } from '../../repositories/conversations';
import { mayOpen } from '../../repositories/visitor-scope';
import type { Services } from '../../services';
import { visitorByToken } from '../../services/visitor-tokens';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../errors';
import { checkBotOrigin } from './public-cors';

/** The visitor token from `Authorization: Bearer …`, or null. */
export function bearerToken(c: Context): string | null {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S{1,512})$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** The visitor behind the bearer token (401 without a valid one); also checks the bot's allowed origins. */
export async function requireVisitor(c: Context<AppEnv>, services: Services): Promise<Visitor> {
  const token = bearerToken(c);
  if (!token) throw new ApiError(401, 'unauthorized', 'Send the visitor token as Authorization: Bearer <token>');
  const found = await visitorByToken(services, token);
  if (!found) throw new ApiError(401, 'unauthorized', 'Unknown or expired visitor token');
  if (!found.allowedOrigins) {
    throw new ApiError(401, 'unauthorized', 'This visitor belongs to a bot that no longer exists');
  }
  checkBotOrigin(c, { allowed_origins: found.allowedOrigins });
  return found.visitor;
}

/** A conversation of this visitor; other conversations do not exist as far as the visitor can tell (404). */
export async function visitorConversation(services: Services, visitor: Visitor, id: string): Promise<Conversation> {
  const conversation = await findConversation(services.db, id);
  if (!conversation || !mayOpen(visitor, conversation)) throw notFound('Conversation');
  return conversation;
}
