import type { Conversation } from '../db/schema';
import type { Services } from '../services';

/** Keeps the prompt bounded (a block's knowledge alone may hold 100 000 characters). */
const MAX_CHARS = 100_000;

/**
 * The knowledge text of the AI answer and AI agent blocks in the conversation's flow version (each
 * distinct text once, in block order): what the bot answers from, for the copilot's suggested reply.
 */
export async function flowKnowledge(services: Services, conversation: Conversation): Promise<string> {
  if (!conversation.flow_version_id) return '';
  const version = await services.flows.version(services.db, conversation.flow_version_id);
  if (!version) return '';
  const { doc } = services.flows.get(version);
  const texts = new Set<string>();
  for (const block of doc.blocks) {
    if (block.type !== 'ai_answer' && block.type !== 'ai_agent') continue;
    const knowledge = block.data.knowledge.trim();
    if (knowledge) texts.add(knowledge);
  }
  return [...texts].join('\n\n').slice(0, MAX_CHARS);
}
