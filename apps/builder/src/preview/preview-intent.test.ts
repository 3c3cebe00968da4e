import type { PreviewIntentAnswer, PreviewIntentRequest } from '@flowdesk/contract';
import { describe, expect, test } from 'vitest';
import { refusedCall, runtimeCall, testEffects } from './test-effects';

const intents = [{ id: 'human', name: 'Talk to a human', description: '', phrases: ['can I speak to someone'] }];

describe("the preview's intent matching", () => {
  test("is the runtime's, as a live chat matches, and says which provider matched", async () => {
    const runtime = runtimeCall<PreviewIntentRequest, PreviewIntentAnswer>({
      intentId: 'human',
      confidence: 0.92,
      provider: 'offline',
    });
    const { effects: preview, notes } = testEffects({ matchIntent: runtime.call });
    const text = 'Could I speak with a representative?';
    expect(await preview.classifyIntent({ text, intents })).toEqual({ intentId: 'human', confidence: 0.92 });
    expect(runtime.asked).toEqual([{ text, intents }]);
    expect(notes[0]!.text).toBe('Recognised intent “Talk to a human” (by the offline matcher, 92%).');
  });

  test('falls back to the simulated match, saying why, when the runtime cannot be asked', async () => {
    const { effects: preview, notes } = testEffects({
      matchIntent: refusedCall('Too many preview intent matches; try again in 9 s'),
    });
    const result = await preview.classifyIntent({ text: 'can I speak to someone please', intents });
    expect(result.intentId).toBe('human');
    expect(notes[0]!.text).toContain('simulated match');
    expect(notes[0]!.text).toContain('the runtime could not be asked: Too many preview intent matches');
    const none = await preview.classifyIntent({ text: 'hello there', intents });
    expect(none.intentId).toBeNull();
    expect(notes[1]!.text).toContain('No intent recognised (simulated match; the runtime could not be asked');
  });
});
