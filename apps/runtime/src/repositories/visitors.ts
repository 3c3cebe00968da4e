import type { Kysely } from 'kysely';
import type { Database, Visitor } from '../db/schema';
import { hashToken, newId, newToken } from '../services/secrets';
import { findScopedVisitor } from './visitor-scope';

export type VisitorVariables = Record<string, string | number | boolean>;

export interface NewVisitorInput {
  botId: string;
  name?: string | null;
  email?: string | null;
  variables?: VisitorVariables;
  pageUrl?: string | null;
  userAgent?: string | null;
  locale?: string | null;
}

/** Creates a visitor; the returned token is shown once (only its hash is stored). */
export async function createVisitor(db: Kysely<Database>, input: NewVisitorInput) {
  const token = newToken();
  const visitor = await db
    .insertInto('visitors')
    .values({
      id: newId(),
      bot_id: input.botId,
      token_hash: hashToken(token),
      name: input.name ?? null,
      email: input.email ?? null,
      variables: JSON.stringify(input.variables ?? {}),
      page_url: input.pageUrl ?? null,
      user_agent: input.userAgent ?? null,
      locale: input.locale ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { visitor, token };
}

/** The visitor behind its own token, or behind a token scoped to one conversation (see visitor-scope.ts). */
export async function findVisitorByToken(db: Kysely<Database>, token: string): Promise<Visitor | undefined> {
  const own = await db.selectFrom('visitors').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
  return own ?? findScopedVisitor(db, token);
}

export interface VisitorWithOrigins {
  visitor: Visitor;
  /** The bot's allowed origins; null when the bot is gone. */
  allowedOrigins: string[] | null;
}

/** Visitors behind their own tokens with their bots' allowed origins, by token, in one query. */
export async function findVisitorsAndBotOrigins(
  db: Kysely<Database>,
  tokens: readonly string[],
): Promise<Map<string, VisitorWithOrigins>> {
  const byHash = new Map(tokens.map((token) => [hashToken(token), token]));
  const rows = await db
    .selectFrom('visitors')
    .leftJoin('bots', 'bots.id', 'visitors.bot_id')
    .selectAll('visitors')
    .select('bots.allowed_origins as bot_allowed_origins')
    .where('visitors.token_hash', 'in', [...byHash.keys()])
    .execute();
  return new Map(
    rows.map(({ bot_allowed_origins: allowedOrigins, ...visitor }) => [
      byHash.get(visitor.token_hash)!,
      { visitor: visitor as Visitor, allowedOrigins },
    ]),
  );
}

/** The visitor behind a link token scoped to one conversation, with its bot's allowed origins. */
export async function findScopedVisitorAndBotOrigins(
  db: Kysely<Database>,
  token: string,
): Promise<VisitorWithOrigins | undefined> {
  const scoped = await findScopedVisitor(db, token);
  if (!scoped) return undefined;
  const bot = await db.selectFrom('bots').select('allowed_origins').where('id', '=', scoped.bot_id).executeTakeFirst();
  return { visitor: scoped, allowedOrigins: bot?.allowed_origins ?? null };
}

export type VisitorPatch = Partial<Omit<NewVisitorInput, 'botId'>>;

/** Updates details; `variables` are merged into the existing ones. */
export async function updateVisitor(db: Kysely<Database>, visitor: Visitor, patch: VisitorPatch) {
  return db
    .updateTable('visitors')
    .set({
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.email === undefined ? {} : { email: patch.email }),
      ...(patch.pageUrl === undefined ? {} : { page_url: patch.pageUrl }),
      ...(patch.userAgent === undefined ? {} : { user_agent: patch.userAgent }),
      ...(patch.locale === undefined ? {} : { locale: patch.locale }),
      ...(patch.variables === undefined
        ? {}
        : { variables: JSON.stringify({ ...visitor.variables, ...patch.variables }) }),
      last_seen_at: new Date(),
    })
    .where('id', '=', visitor.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The visitor's contact details as they left them (contact form, a flow's email question). */
export async function setVisitorContact(
  db: Kysely<Database>,
  visitorId: string,
  contact: { email: string; name?: string | null },
) {
  await db
    .updateTable('visitors')
    .set({ email: contact.email, ...(contact.name ? { name: contact.name } : {}), last_seen_at: new Date() })
    .where('id', '=', visitorId)
    .execute();
}
