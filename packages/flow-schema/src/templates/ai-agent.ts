import { at } from './layout';
import { handoffToTeam, starterFlow, textMessage } from './starter-flow';

const KNOWLEDGE = [
  'Our support team answers Monday to Friday, 9:00 to 17:00.',
  'Orders ship within 2 business days and delivery takes 3 to 5 days.',
  'You can return any product within 30 days for a full refund.',
  'Passwords can be reset from the sign-in page with the "Forgot password" link.',
].join('\n');

/** An AI agent converses from instructions and knowledge; it hands off to a person, with an offline path. */
export const aiAgentTemplate = starterFlow({
  id: 'ai_agent_handoff',
  name: 'AI agent with handoff',
  fallbackMessage: 'Sorry, could you rephrase that?',
  variables: { email: 'Gathered by the agent before a handoff' },
  blocks: [
    {
      id: 'agent',
      type: 'ai_agent',
      position: at(1, 1),
      data: {
        instructions:
          'You are the friendly support assistant of our company. Answer briefly and only from the knowledge below. ' +
          'If the answer is not there, say so and offer to connect the visitor with a person.',
        knowledge: KNOWLEDGE,
        handoff: {
          enabled: true,
          whenToUse: 'The visitor asks for a person, is upset, or you cannot answer from the knowledge.',
          gather: ['email'],
          autoPriority: true,
        },
      },
    },
    handoffToTeam('handoff', at(2, 1), {
      offlineMessage: 'Nobody from our team is available right now.',
    }),
    textMessage('offline_message', at(3, 2), "We'll reply to {{email}} as soon as we're back."),
    { id: 'end', type: 'end', position: at(4, 2), data: {} },
  ],
  exits: {
    agent: { handoff: 'handoff' },
    handoff: { handed_off: 'agent', offline: 'offline_message' },
    offline_message: { next: 'end' },
  },
});
