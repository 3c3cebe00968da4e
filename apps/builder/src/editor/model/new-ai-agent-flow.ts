import { type FlowDocument, textMessage } from '@flowdesk/flow-schema';
import { newFlowDocument } from './new-flow';

/** Replaced by the admin; shaped so the preview's simulated agent can answer from it right away. */
const SAMPLE_KNOWLEDGE = [
  'Our support team answers Monday to Friday, 9:00 to 17:00.',
  'Orders ship within 2 business days and delivery takes 3 to 5 days.',
  'You can return any product within 30 days for a full refund.',
  'Passwords can be reset from the sign-in page with the "Forgot password" link.',
].join('\n');

/**
 * A bot that is an AI agent instead of a drawn flow: start → AI agent (instructions, knowledge, the
 * "Human handoff" action on) whose handoff goes to a human handoff block; when nobody is available the
 * offline path tells the visitor they will get an email, and a hand-back returns to the agent.
 */
export function newAiAgentFlowDocument(name: string): FlowDocument {
  return newFlowDocument(name, {
    blocks: [
      {
        id: 'agent',
        type: 'ai_agent',
        position: { x: 400, y: 160 },
        data: {
          instructions:
            'You are the friendly support assistant of our company. Answer briefly and only from the knowledge below. ' +
            'If the answer is not there, say so and offer to connect the visitor with a person.',
          knowledge: SAMPLE_KNOWLEDGE,
          handoff: {
            enabled: true,
            whenToUse: 'The visitor asks for a person, is upset, or you cannot answer from the knowledge.',
            gather: ['email'],
            autoPriority: true,
          },
        },
      },
      { id: 'handoff', type: 'human_handoff', position: { x: 760, y: 160 }, data: { priority: { mode: 'auto' } } },
      textMessage(
        'offline_message',
        { x: 1100, y: 280 },
        "Nobody from our team is available right now. We'll reply to {{email}} as soon as we're back.",
      ),
      { id: 'end', type: 'end', position: { x: 1420, y: 280 }, data: {} },
    ],
    edges: [
      { id: 'e_start_agent', source: 'start', sourceHandle: 'next', target: 'agent' },
      { id: 'e_agent_handoff', source: 'agent', sourceHandle: 'handoff', target: 'handoff' },
      { id: 'e_handoff_offline', source: 'handoff', sourceHandle: 'offline', target: 'offline_message' },
      { id: 'e_handoff_back', source: 'handoff', sourceHandle: 'handed_off', target: 'agent' },
      { id: 'e_offline_end', source: 'offline_message', sourceHandle: 'next', target: 'end' },
    ],
  });
}
