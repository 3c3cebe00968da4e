import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { registerEmailHooks } from '../../src/email/hooks';
import { startEmailService } from '../../src/email/service';
import { registerOfficeHoursHooks } from '../../src/office-hours/hooks';
import type { Services } from '../../src/services';

/** Office-hours and email hooks on real services, with a fast-polling local-mailbox worker. */
export function installLiveAreas(services: Services) {
  registerOfficeHoursHooks(services);
  const email = startEmailService(services, { intervalMs: 100 });
  registerEmailHooks(services, { context: email.context, kick: email.loop.kick });
  return email;
}

/** A bot row and a new visitor of it, as the conversation service takes them. */
export async function botAndVisitor(db: Kysely<Database>, botId: string, name: string | null = null) {
  const bot = await db.selectFrom('bots').selectAll().where('id', '=', botId).executeTakeFirstOrThrow();
  const id = crypto.randomUUID();
  await db.insertInto('visitors').values({ id, bot_id: botId, token_hash: id, variables: '{}', name }).execute();
  const visitor = await db.selectFrom('visitors').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { bot, visitor };
}
