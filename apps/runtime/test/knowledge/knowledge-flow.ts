import type { MessageContent } from '@flowdesk/contract';
import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { indexKnowledgeSource } from '../../src/knowledge/indexer';
import { createKnowledgeSource } from '../../src/knowledge/sources';
import { seedWorkspace } from '../fixtures/accounts';
import { flowDocument, start } from '../fixtures/flow-builder';
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

/** start → ask a question → AI answer from the sources → (answered: end | not found: human handoff). */
export function knowledgeFlow(sourceIds: string[], block: 'ai_answer' = 'ai_answer'): FlowDocumentInput {
  return flowDocument({
    id: 'knowledge',
    name: 'Knowledge',
    blocks: [
      start(),
      { id: 'ask', type: 'capture', data: { prompt: 'What is your question?', saveAs: 'question' } },
      { id: 'answer', type: block, data: { knowledgeSourceIds: sourceIds } },
      { id: 'done', type: 'end', data: {} },
      { id: 'human', type: 'human_handoff', data: { confirmationMessage: 'A person will help you.' } },
    ],
    wires: ['start -> ask -> answer', 'answer.answered -> done', 'answer.not_found -> human'],
  });
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

/** The text of a bot reply; '' for a reply of another kind or none. */
export const replyText = (reply: { content: MessageContent } | undefined) =>
  reply?.content.type === 'text' ? reply.content.text : '';
