import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/db/schema';
import { seedWorkspace } from '../../fixtures/accounts';
import { ask, flowDocument, say, start } from '../../fixtures/flow-builder';
import { publishFlow } from '../../fixtures/flows';

/**
 * start → ask (capture text into `said`) → echo "You said: {{said}}" → back to ask. Every visitor message
 * is one full engine step that stores the answer, a bot reply and a new snapshot, forever.
 */
export function echoFlow(): FlowDocumentInput {
  return flowDocument({
    id: 'echo',
    name: 'Echo',
    blocks: [start(), ask('ask', 'Say something', 'said'), say('echo', 'You said: {{said}}')],
    wires: ['start -> ask -> echo -> ask'],
  });
}

export async function seedEchoBot(db: Kysely<Database>) {
  const seeded = await seedWorkspace(db, 'echo');
  await publishFlow(db, seeded.bot.id, echoFlow());
  return seeded;
}
