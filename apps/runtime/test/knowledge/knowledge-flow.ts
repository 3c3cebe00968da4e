import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { indexKnowledgeSource } from '../../src/knowledge/indexer';
import { createKnowledgeSource } from '../../src/knowledge/sources';
import { seedWorkspace } from '../fixtures/accounts';
import { publishFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';

/** A help-centre page as crawled: markdown headings, bullets, emphasis and a link. */
export const RETURNS_PAGE = [
  '# Returns and refunds',
  '',
  '- You can return any item within **30 days** of delivery.',
  '- Print the return label from [your account](https://shop.example/account) and drop the parcel at a post office.',
  '- Refunds are paid back to the original card within 5 business days after we receive the parcel.',
  '',
  '## Exchanges',
  '',
  'We do not exchange items; return the item and place a new order instead.',
].join('\n');
export const RETURNS_URL = 'https://help.shop.example/returns';

const at = { x: 0, y: 0 };
/** start → ask a question → AI answer from the sources → (answered: end | not found: human handoff). */
export function knowledgeFlow(sourceIds: string[], block: 'ai_answer' = 'ai_answer'): FlowDocumentInput {
  return {
    schemaVersion: 1,
    id: 'knowledge',
    name: 'Knowledge',
    blocks: [
      { id: 'start', type: 'start', position: at, data: {} },
      { id: 'ask', type: 'capture', position: at, data: { prompt: 'What is your question?', saveAs: 'question' } },
      { id: 'answer', type: block, position: at, data: { knowledgeSourceIds: sourceIds } },
      { id: 'done', type: 'end', position: at, data: {} },
      { id: 'human', type: 'human_handoff', position: at, data: { confirmationMessage: 'A person will help you.' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
      { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'answer' },
      { id: 'e3', source: 'answer', sourceHandle: 'answered', target: 'done' },
      { id: 'e4', source: 'answer', sourceHandle: 'not_found', target: 'human' },
    ],
  };
}

/** A workspace with the returns page (text source with a URL) and a shipping Q&A, indexed, and a bot using them. */
export async function seedKnowledgeBot(db: Kysely<Database>) {
  const seeded = await seedWorkspace(db);
  const { workspaceId } = seeded;
  const page = await createKnowledgeSource(db, {
    workspaceId,
    kind: 'text',
    title: 'Returns and refunds',
    config: { text: RETURNS_PAGE, url: RETURNS_URL },
  });
  const faq = await createKnowledgeSource(db, {
    workspaceId,
    kind: 'qa',
    title: 'Shipping FAQ',
    config: {
      pairs: [
        { question: 'How long does shipping take?', answer: 'Parcels arrive within three working days in the EU.' },
      ],
    },
  });
  await indexKnowledgeSource(db, workspaceId, page.id);
  await indexKnowledgeSource(db, workspaceId, faq.id);
  await publishFlow(db, seeded.bot.id, knowledgeFlow([page.id, faq.id]));
  return { ...seeded, sourceIds: [page.id, faq.id] };
}

/** Opens the widget conversation and asks `question` at the capture prompt; returns the bot's replies after it. */
export async function askBot(baseUrl: string, botId: string, question: string) {
  const visitor = new TestVisitor(baseUrl, botId);
  await visitor.start();
  const sent = await visitor.say(question);
  const messages = await visitor.settled();
  const { conversation } = (await visitor.history()).body;
  const replies = messages.filter((m) => m.seq > sent.message.seq && m.author === 'bot');
  return { replies, conversation, visitor };
}
