import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { startEmailService } from '../../src/email/service';
import type { Services } from '../../src/services';
import { seedTeam, seedUser } from './fixtures';

/** The email worker, polling fast, on services whose modules give the office-hours and email hooks. */
export function startFastEmailWorker(services: Services) {
  return startEmailService(services, { intervalMs: 100 });
}

/** The team "Support": the workspace's agent and Cora, a colleague who is offline. */
export async function supportTeamWithOfflineColleague(
  db: Kysely<Database>,
  ws: { workspaceId: string; agent: { id: string } },
) {
  const colleague = await seedUser(db, ws.workspaceId, 'Cora', 'agent', 'offline');
  const teamId = await seedTeam(db, ws.workspaceId, 'Support', [ws.agent.id, colleague.id]);
  return { colleague, teamId };
}

/** A bot row and a new visitor of it, as the conversation service takes them. */
export async function botAndVisitor(db: Kysely<Database>, botId: string, name: string | null = null) {
  const bot = await db.selectFrom('bots').selectAll().where('id', '=', botId).executeTakeFirstOrThrow();
  const id = crypto.randomUUID();
  await db.insertInto('visitors').values({ id, bot_id: botId, token_hash: id, variables: '{}', name }).execute();
  const visitor = await db.selectFrom('visitors').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { bot, visitor };
}
