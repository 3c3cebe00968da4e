import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { startEmailService } from '../../src/email/service';
import type { Services } from '../../src/services';

/** The email worker, polling fast, on services whose modules give the office-hours and email hooks. */
export function startFastEmailWorker(services: Services) {
  return startEmailService(services, { intervalMs: 100 });
}

/** A bot row and a new visitor of it, as the conversation service takes them. */
export async function botAndVisitor(db: Kysely<Database>, botId: string, name: string | null = null) {
  const bot = await db.selectFrom('bots').selectAll().where('id', '=', botId).executeTakeFirstOrThrow();
  const id = crypto.randomUUID();
  await db.insertInto('visitors').values({ id, bot_id: botId, token_hash: id, variables: '{}', name }).execute();
  const visitor = await db.selectFrom('visitors').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { bot, visitor };
}
