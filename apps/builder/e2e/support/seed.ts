import { randomUUID } from 'node:crypto';
import type { RunningServer } from '@flowdesk/runtime';
// The runtime exports no seeding API for tests; its repositories are the supported way to create rows.
import { createBot } from '../../../runtime/src/bots/repository';
import { createUser } from '../../../runtime/src/people/users';

export interface SeededWorkspace {
  workspaceId: string;
  botId: string;
  admin: { email: string; password: string; name: string };
}

export async function seedWorkspace(runtime: RunningServer): Promise<SeededWorkspace> {
  const workspaceId = randomUUID();
  await runtime.db.insertInto('workspaces').values({ id: workspaceId, name: 'Acme' }).execute();
  const admin = { email: 'ada@example.com', password: 'correct-horse-42', name: 'Ada Admin' };
  await createUser(runtime.db, { workspaceId, ...admin, role: 'admin' });
  const bot = await createBot(runtime.db, { workspaceId, name: 'Acme support' });
  return { workspaceId, botId: bot.id, admin };
}
