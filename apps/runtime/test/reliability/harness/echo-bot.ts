import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/db/schema';
import { seedWorkspace } from '../../fixtures/accounts';
import { publishFlow } from '../../fixtures/flows';

const at = (x: number) => ({ x, y: 0 });

/**
 * start → ask (capture text into `said`) → echo "You said: {{said}}" → back to ask. Every visitor message
 * is one full engine step that stores the answer, a bot reply and a new snapshot, forever.
 */
export function echoFlow(): FlowDocumentInput {
  return {
    schemaVersion: 1,
    id: 'echo',
    name: 'Echo',
    blocks: [
      { id: 'start', type: 'start', position: at(0), data: {} },
      {
        id: 'ask',
        type: 'capture',
        position: at(200),
        data: { prompt: 'Say something', inputType: 'text', saveAs: 'said' },
      },
      {
        id: 'echo',
        type: 'message',
        position: at(400),
        data: { content: { type: 'text', text: 'You said: {{said}}' } },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
      { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'echo' },
      { id: 'e3', source: 'echo', sourceHandle: 'next', target: 'ask' },
    ],
  };
}

/** A workspace with an admin, an agent and a bot running the echo flow. */
export async function seedEchoBot(db: Kysely<Database>) {
  const seeded = await seedWorkspace(db, 'echo');
  await publishFlow(db, seeded.bot.id, echoFlow());
  return seeded;
}
