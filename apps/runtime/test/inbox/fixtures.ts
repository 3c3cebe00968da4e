import type { Message } from '@flowdesk/contract';
import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import type { Kysely } from 'kysely';
import { createBot } from '../../src/bots/repository';
import type { Database } from '../../src/db/schema';
import { createUser } from '../../src/people/users';
import { seedTeam } from '../email/fixtures';
import { PASSWORD, seedWorkspace } from '../fixtures/accounts';
import { ask, flowDocument, say, start } from '../fixtures/flow-builder';
import { publishFlow } from '../fixtures/flows';

/**
 * start → greeting → asks the issue → Human Handoff (to `teamId`) → after hand back: "Welcome back" → asks
 * for a rating → end. The handoff block's priority is AI-assigned unless `fixedPriority` is given.
 */
export function handoffFlow(
  teamId: string | null,
  fixedPriority?: 'low' | 'medium' | 'high' | 'urgent',
): FlowDocumentInput {
  return flowDocument({
    id: 'support',
    name: 'Support',
    blocks: [
      start(),
      say('greet', 'Hi! I am the support bot.'),
      ask('ask', 'What can we help you with?', 'issue'),
      {
        id: 'handoff',
        type: 'human_handoff',
        data: {
          teamId,
          priority: fixedPriority ? { mode: 'fixed', value: fixedPriority } : { mode: 'auto' },
          offlineWhen: 'outside_hours',
        },
      },
      say('back', 'Welcome back to the bot!'),
      ask('rate', 'How would you rate us?', 'rating'),
      { id: 'bye', type: 'end', data: {} },
    ],
    wires: [
      'start -> greet -> ask -> handoff',
      'handoff.handed_off -> back',
      'handoff.offline -> bye',
      'back -> rate -> bye',
    ],
  });
}

/** What each message says: its text, the prompt of a question, or its type. */
export const texts = (messages: Message[]): string[] =>
  messages.map((m) => {
    const { content } = m;
    if ('text' in content && content.text) return content.text;
    if ('prompt' in content && content.prompt) return content.prompt;
    return content.type;
  });

/** A team with these members (the name upgrade/populate.ts imports it by, in older builds too). */
export { seedTeam as createTeam };

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
  const support = await seedTeam(db, a.workspaceId, 'Support', [a.agent.id]);
  const billing = await seedTeam(db, a.workspaceId, 'Billing', [bea.id]);
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
