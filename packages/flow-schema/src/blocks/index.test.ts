import { describe, expect, test } from 'vitest';
import { BLOCK_GROUPS, BLOCK_TYPES, blockDefinitions, blockOutputs, isBlockType } from './index';

describe('block registry', () => {
  test.each(BLOCK_TYPES)('%s: defaults parse, labels and group are set', (type) => {
    const def = blockDefinitions[type];
    expect(def.type).toBe(type);
    expect(def.label.length).toBeGreaterThan(2);
    expect(BLOCK_GROUPS).toContain(def.group);
    const parsed = def.data.safeParse(def.defaults());
    expect(parsed.error).toBeUndefined();
  });

  test('outputs follow the data', () => {
    const buttons = blockDefinitions.buttons.data.parse({
      text: 'Pick',
      buttons: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    });
    expect(blockOutputs({ type: 'buttons', data: buttons }).map((o) => o.id)).toEqual(['a', 'b', 'no_match']);
    expect(blockOutputs({ type: 'buttons', data: { ...buttons, allowTyping: true } }).map((o) => o.id)).toEqual([
      'a',
      'b',
      'typed',
    ]);
    const match = blockDefinitions.match_intent.data.parse({ intentIds: ['x', 'y'] });
    expect(blockOutputs({ type: 'match_intent', data: match }).map((o) => o.id)).toEqual(['x', 'y', 'no_match']);
    const outs = (type: (typeof BLOCK_TYPES)[number]) =>
      blockOutputs({ type, data: blockDefinitions[type].data.parse(blockDefinitions[type].defaults()) }).map(
        (o) => o.id,
      );
    expect(outs('condition')).toEqual(['true', 'false']);
    expect(outs('http_request')).toEqual(['success', 'error']);
    expect(outs('ai_answer')).toEqual(['answered', 'not_found']);
    expect(outs('ai_agent')).toEqual(['handoff']);
    const noHandoff = blockDefinitions.ai_agent.data.parse({ handoff: { enabled: false } });
    expect(blockOutputs({ type: 'ai_agent', data: noHandoff })).toEqual([]);
    expect(outs('capture')).toEqual(['next', 'invalid']);
    expect(outs('human_handoff')).toEqual(['handed_off', 'offline', 'no_agent_timeout']);
    expect(outs('message')).toEqual(['next']);
    expect(outs('end')).toEqual([]);
  });

  test('rejects bad settings', () => {
    expect(blockDefinitions.capture.data.safeParse({ prompt: 'x', inputType: 'form', saveAs: 'f' }).success).toBe(
      false,
    );
    expect(blockDefinitions.http_request.data.safeParse({ url: 'https://x', timeoutMs: 60_000 }).success).toBe(false);
    expect(isBlockType('buttons')).toBe(true);
    expect(isBlockType('toString')).toBe(false);
  });
});

describe('AI blocks: knowledgeSourceIds', () => {
  test.each(['ai_answer', 'ai_agent'] as const)(
    '%s: defaults to none, keeps a list, refuses duplicates and too many',
    (type) => {
      const data = blockDefinitions[type].data;
      expect(data.parse({}).knowledgeSourceIds).toEqual([]);
      expect(data.parse({ knowledgeSourceIds: ['a', 'b'] }).knowledgeSourceIds).toEqual(['a', 'b']);
      expect(data.safeParse({ knowledgeSourceIds: ['a', 'a'] }).error?.issues[0]?.message).toBe(
        'A knowledge source is chosen twice',
      );
      const many = Array.from({ length: 21 }, (_, i) => `s${i}`);
      expect(data.safeParse({ knowledgeSourceIds: many }).error?.issues[0]?.message).toBe(
        'Choose at most 20 knowledge sources',
      );
      expect(data.safeParse({ knowledgeSourceIds: [''] }).success).toBe(false);
    },
  );
});
