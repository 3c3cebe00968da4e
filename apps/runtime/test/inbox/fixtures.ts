import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import type { Kysely } from 'kysely';
import { createBot } from '../../src/bots/repository';
import type { Database } from '../../src/db/schema';
import { inboxDb } from '../../src/inbox/tables';
import { createUser } from '../../src/people/users';
import { newId } from '../../src/services/secrets';
import { PASSWORD, seedWorkspace } from '../fixtures/accounts';
import { publishFlow } from '../fixtures/flows';

const at = (x: number) => ({ x, y: 0 });

/**
 * start → greeting → asks the issue → Human Handoff (to `teamId`) → after hand back: "Welcome back" → asks
 * for a rating → end. The handoff block's priority is AI-assigned unless `fixedPriority` is given.
 */
export function handoffFlow(
  teamId: string | null,
  fixedPriority?: 'low' | 'medium' | 'high' | 'urgent',
): FlowDocumentInput {
  return {
    schemaVersion: 1,
    id: 'support',
    name: 'Support',
    blocks: [
      { id: 'start', type: 'start', position: at(0), data: {} },
      {
        id: 'greet',
        type: 'message',
        position: at(200),
        data: { content: { type: 'text', text: 'Hi! I am the support bot.' } },
      },
      {
        id: 'ask',
        type: 'capture',
        position: at(400),
        data: { prompt: 'What can we help you with?', inputType: 'text', saveAs: 'issue' },
      },
      {
        id: 'handoff',
        type: 'human_handoff',
        position: at(600),
        data: {
          teamId,
          priority: fixedPriority ? { mode: 'fixed', value: fixedPriority } : { mode: 'auto' },
          offlineWhen: 'outside_hours',
        },
      },
      {
        id: 'back',
        type: 'message',
        position: at(800),
        data: { content: { type: 'text', text: 'Welcome back to the bot!' } },
      },
      {
        id: 'rate',
        type: 'capture',
        position: at(1000),
        data: { prompt: 'How would you rate us?', inputType: 'text', saveAs: 'rating' },
      },
      { id: 'bye', type: 'end', position: at(1200), data: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'greet' },
      { id: 'e2', source: 'greet', sourceHandle: 'next', target: 'ask' },
      { id: 'e3', source: 'ask', sourceHandle: 'next', target: 'handoff' },
      { id: 'e4', source: 'handoff', sourceHandle: 'handed_off', target: 'back' },
      { id: 'e5', source: 'handoff', sourceHandle: 'offline', target: 'bye' },
      { id: 'e6', source: 'back', sourceHandle: 'next', target: 'rate' },
      { id: 'e7', source: 'rate', sourceHandle: 'next', target: 'bye' },
    ],
  };
}

export async function createTeam(db: Kysely<Database>, workspaceId: string, name: string, memberIds: string[]) {
  const id = newId();
  await inboxDb(db).insertInto('teams').values({ id, workspace_id: workspaceId, name }).execute();
  if (memberIds.length)
    await db
      .insertInto('team_members')
      .values(memberIds.map((user_id) => ({ team_id: id, user_id })))
      .execute();
  return id;
}

/**
 * Workspace A: admin, agent `andy` (Support), agent `bea` (Billing), two bots whose flows hand off to
 * Support and to Billing. Workspace B: its own admin. Andy is online; Bea is offline.
 */
export async function seedInbox(db: Kysely<Database>) {
  const a = await seedWorkspace(db, 'A');
  const bea = await createUser(db, {
    workspaceId: a.workspaceId,
    email: `bea-${a.workspaceId.slice(0, 8)}@example.com`,
    name: 'Bea Billing',
    password: PASSWORD,
    role: 'agent',
  });
  const support = await createTeam(db, a.workspaceId, 'Support', [a.agent.id]);
  const billing = await createTeam(db, a.workspaceId, 'Billing', [bea.id]);
  await db.updateTable('users').set({ presence: 'online' }).where('id', '=', a.agent.id).execute();
  await publishFlow(db, a.bot.id, handoffFlow(support));
  const billingBot = await createBot(db, {
    workspaceId: a.workspaceId,
    name: 'Billing bot',
  });
  await publishFlow(db, billingBot.id, handoffFlow(billing, 'high'));
  const b = await seedWorkspace(db, 'B');
  return { a: { ...a, bea, support, billing, billingBot }, b };
}
