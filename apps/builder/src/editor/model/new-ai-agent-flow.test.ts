import { validateFlow } from '@flowdesk/flow-schema';
import { expect, test } from 'vitest';
import { newAiAgentFlowDocument } from './new-ai-agent-flow';

test('the AI agent bot template is a valid flow: no errors and no warnings', () => {
  const doc = newAiAgentFlowDocument('Support agent');
  expect(validateFlow(doc)).toEqual([]);
  expect(doc.blocks.map((b) => b.type)).toEqual(['start', 'ai_agent', 'human_handoff', 'message', 'end']);
  const agent = doc.blocks.find((b) => b.type === 'ai_agent')!;
  expect(agent.data).toMatchObject({ handoff: { enabled: true } });
  expect(doc.edges).toContainEqual(
    expect.objectContaining({ source: 'agent', sourceHandle: 'handoff', target: 'handoff' }),
  );
  expect(doc.edges).toContainEqual(expect.objectContaining({ source: 'handoff', sourceHandle: 'offline' }));
});
