import type { AgentTurnRequest, AgentTurnResult } from '@flowdesk/engine';
import { answerFromKnowledge } from './lexical';

const WANTS_HUMAN = /\b(human|person|agent|someone|somebody|representative|operator)\b/i;
const asking = (field: string) => `Before I hand you over, what is your ${field}?`;

/**
 * The preview's stand-in for the AI agent: it answers from the closest knowledge sentence and, when
 * the visitor asks for a person, asks for each detail to gather (the next answer is taken as its value)
 * and then hands off. Live chats use the AI provider.
 */
export function simulateAgentTurn(req: AgentTurnRequest): AgentTurnResult {
  const visitorLines = req.transcript.filter((l) => l.author === 'visitor');
  const lastVisitor = visitorLines.at(-1)?.text ?? '';
  const lastBot = req.transcript.filter((l) => l.author === 'bot').at(-1)?.text ?? '';
  const gathered = { ...req.gathered };
  const askedFor = req.handoff.gather.find((field) => lastBot === asking(field));
  if (askedFor && lastVisitor.trim()) gathered[askedFor] = lastVisitor.trim();
  const handingOff = askedFor !== undefined || visitorLines.some((l) => WANTS_HUMAN.test(l.text));
  if (req.handoff.enabled && handingOff) {
    const missing = req.handoff.gather.find((field) => !gathered[field]);
    if (missing) return { reply: asking(missing), gathered };
    return { handoff: { reason: 'The visitor asked for a person (simulated).', gathered } };
  }
  const found = answerFromKnowledge(lastVisitor, req.knowledge);
  return { reply: found.found ? found.answer : "I don't know that yet; could you rephrase?", gathered };
}
