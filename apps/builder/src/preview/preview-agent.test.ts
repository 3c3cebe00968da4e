import type { KnowledgePreviewAgentTurn, KnowledgePreviewAgentTurnRequest } from '@flowdesk/contract';
import type { AgentTurnRequest } from '@flowdesk/engine';
import { describe, expect, test } from 'vitest';
import { refusedCall, runtimeCall, testEffects } from './test-effects';

const request = (transcript: AgentTurnRequest['transcript']): AgentTurnRequest => ({
  instructions: 'Answer briefly.',
  knowledge: 'Our support team answers Monday to Friday, 9:00 to 17:00.',
  handoff: { enabled: true, whenToUse: 'The visitor asks for a person', gather: ['email'], autoPriority: true },
  transcript,
  gathered: {},
  variables: {},
});

describe("the preview's AI agent", () => {
  test("takes the runtime's turn, as a live chat gets it, sending the chat's latest lines within the limits", async () => {
    const runtime = runtimeCall<KnowledgePreviewAgentTurnRequest, KnowledgePreviewAgentTurn>({
      turn: { reply: 'We answer Monday to Friday.', gathered: {} },
      passages: [],
      provider: 'offline',
    });
    const { effects: preview, notes } = testEffects({ agentTurn: runtime.call });
    const long = Array.from({ length: 150 }, (_, i) => ({ author: 'visitor' as const, text: `line ${i}` }));
    expect(await preview.agentTurn(request(long))).toEqual({ reply: 'We answer Monday to Friday.', gathered: {} });
    expect(runtime.asked[0]!.transcript).toHaveLength(100);
    expect(runtime.asked[0]!.transcript.at(-1)).toEqual({ author: 'visitor', text: 'line 149' });
    expect(runtime.asked[0]!.knowledgeSourceIds).toEqual([]);
    expect(notes[0]!.text).toBe('AI agent reply, as a live chat would get it (the offline AI).');
  });

  test('simulates the turn, saying why, when the runtime cannot be asked', async () => {
    const { effects: preview, notes } = testEffects({
      agentTurn: refusedCall('Too many preview answers; try again in 30 s'),
    });
    const result = await preview.agentTurn(
      request([{ author: 'visitor', text: 'When does your support team answer?' }]),
    );
    expect(result).toMatchObject({ reply: expect.any(String) });
    expect(notes[0]!.text).toContain('simulated in the preview from the knowledge (the runtime could not be asked');
  });
});
