import { describe, expect, test } from 'vitest';
import type { FlowDocumentInput } from '../document';
import { validateFlow } from './index';
import type { ProblemCode } from './problems';
import { sampleFlow } from './sample-flow';

type Blocks = Array<Record<string, unknown> & { id: string; data?: Record<string, unknown> }>;
const mutate = (change: (flow: FlowDocumentInput & { blocks: Blocks }) => void) => {
  const flow = structuredClone(sampleFlow()) as FlowDocumentInput & { blocks: Blocks };
  change(flow);
  return validateFlow(flow);
};
const block = (flow: { blocks: Blocks }, id: string) => flow.blocks.find((b) => b.id === id)!;
const httpRequest = (id: string, url: string) => ({
  id,
  type: 'http_request',
  position: { x: 0, y: 0 },
  data: { url },
});
const codes = (problems: ReturnType<typeof validateFlow>) => problems.map((p) => p.code);

describe('validateFlow', () => {
  test('a valid flow has no problems', () => {
    expect(validateFlow(sampleFlow())).toEqual([]);
  });

  test.each([null, 42, 'flow', [], { blocks: 'x' }, { schemaVersion: 2, blocks: [] }])(
    'reports instead of throwing on %j',
    (input) => {
      const problems = validateFlow(input);
      expect(codes(problems)).toContain('invalid_document');
      expect(problems.every((p) => p.message.length > 10)).toBe(true);
    },
  );

  const cases: Array<[ProblemCode, string | undefined, (f: FlowDocumentInput & { blocks: Blocks }) => void]> = [
    [
      'unknown_block_type',
      'x',
      (f) => f.blocks.push({ id: 'x', type: 'teleport', position: { x: 0, y: 0 }, data: {} }),
    ],
    ['invalid_settings', 'cap', (f) => Object.assign(block(f, 'cap').data!, { maxRetries: -1 })],
    ['duplicate_block_id', 'bye', (f) => f.blocks.push({ ...block(f, 'bye') })],
    ['edge_to_missing_block', 'cond', (f) => Object.assign(f.edges![4]!, { target: 'gone' })],
    [
      'edge_from_missing_block',
      undefined,
      (f) => f.edges!.push({ id: 'e9', source: 'gone', sourceHandle: 'next', target: 'bye' }),
    ],
    [
      'unknown_output',
      'cond',
      (f) => f.edges!.push({ id: 'e9', source: 'cond', sourceHandle: 'maybe', target: 'bye' }),
    ],
    [
      'output_connected_twice',
      'cond',
      (f) => f.edges!.push({ id: 'e9', source: 'cond', sourceHandle: 'true', target: 'ask' }),
    ],
    ['unconnected_output', 'cond', (f) => f.edges!.splice(5, 1)],
    [
      'unreachable_block',
      'lonely',
      (f) => f.blocks.push({ id: 'lonely', type: 'end', position: { x: 9, y: 9 }, data: {} }),
    ],
    ['no_start', undefined, (f) => f.blocks.splice(0, 1)],
    ['multiple_starts', 'start2', (f) => f.blocks.push({ ...block(f, 'start'), id: 'start2' })],
    ['dead_end_capture', 'cap', (f) => f.edges!.splice(3, 1)],
    ['handoff_without_offline_path', 'handoff', (f) => f.edges!.splice(6, 1)],
    ['variable_never_set', 'bye', (f) => Object.assign(block(f, 'bye').data!, { message: 'Bye {{nickname}}' })],
    [
      'variable_never_set',
      'cond',
      (f) =>
        Object.assign(block(f, 'cond').data!, { groups: [{ rules: [{ variable: 'plan', operator: 'is_empty' }] }] }),
    ],
    [
      'duplicate_intent_name',
      undefined,
      (f) => f.intents!.push({ id: 'human2', name: ' talk to a HUMAN ', phrases: [] }),
    ],
    ['duplicate_intent_id', undefined, (f) => f.intents!.push({ id: 'human', name: 'Other', phrases: [] })],
    ['unknown_intent', 'trigger', (f) => Object.assign(block(f, 'trigger').data!, { intentId: 'sales' })],
    [
      'invalid_regex',
      'cond',
      (f) =>
        Object.assign(block(f, 'cond').data!, {
          groups: [{ rules: [{ variable: 'email', operator: 'matches_regex', value: '(' }] }],
        }),
    ],
    ['invalid_regex', 'cap', (f) => Object.assign(block(f, 'cap').data!, { validation: { pattern: '[a-' } })],
    ['invalid_url', 'hook', (f) => f.blocks.push(httpRequest('hook', 'not a url'))],
    ['invalid_url', 'hook', (f) => f.blocks.push(httpRequest('hook', 'shop.example.com/orders/{{email}}'))],
    ['invalid_url', 'hook', (f) => f.blocks.push(httpRequest('hook', 'ftp://files.example.com/{{email}}'))],
    ['duplicate_edge_id', undefined, (f) => f.edges!.push({ ...f.edges![0]! })],
    [
      'loop_without_input',
      'set1',
      (f) => {
        f.blocks.push(
          { id: 'set1', type: 'set_variable', position: { x: 0, y: 0 }, data: { variable: 'n', value: '1' } },
          { id: 'set2', type: 'message', position: { x: 0, y: 0 }, data: { content: { type: 'text', text: 'again' } } },
        );
        Object.assign(f.edges![4]!, { target: 'set1' });
        f.edges!.push(
          { id: 'l1', source: 'set1', sourceHandle: 'next', target: 'set2' },
          { id: 'l2', source: 'set2', sourceHandle: 'next', target: 'set1' },
        );
      },
    ],
  ];

  test.each(cases)('catches %s (block %s)', (code, blockId, change) => {
    const problems = mutate(change);
    const found = problems.filter((p) => p.code === code);
    expect(found.length, JSON.stringify(problems)).toBeGreaterThan(0);
    if (blockId) expect(found.map((p) => p.blockId)).toContain(blockId);
    for (const p of found) expect(p.message).not.toMatch(/undefined|\[object/);
  });

  test("a message linking to a site without https:// is warned about (the chat would open a page of the host's site)", () => {
    const message = (id: string, content: object) => ({
      id,
      type: 'message',
      position: { x: 0, y: 0 },
      data: { content },
    });
    const link = mutate((f) =>
      f.blocks.push(message('promo', { type: 'link', url: 'www.acme.com/pricing', label: 'Prices' })),
    );
    expect(link.find((p) => p.code === 'url_without_scheme')).toMatchObject({
      severity: 'warning',
      blockId: 'promo',
      message: expect.stringContaining('Write https://www.acme.com/pricing'),
    });
    const card = mutate((f) =>
      f.blocks.push(
        message('cards', {
          type: 'carousel',
          cards: [{ title: 'Kettle', buttons: [{ label: 'Buy', url: 'shop.acme.com/kettle' }] }],
        }),
      ),
    );
    expect(codes(card)).toContain('url_without_scheme');
    for (const url of ['https://acme.com/pricing', '/pricing', '{{offer_url}}', 'mailto:help@acme.com', '#top'])
      expect(codes(mutate((f) => f.blocks.push(message('ok', { type: 'link', url, label: 'Go' }))))).not.toContain(
        'url_without_scheme',
      );
  });

  test('a URL with variables is a web address once they are filled in; one starting with a variable is not judged', () => {
    for (const url of ['https://shop.example.com/orders/{{email}}', 'http://{{host}}/x', '{{api_base}}/orders'])
      expect(codes(mutate((f) => f.blocks.push(httpRequest('hook', url))))).not.toContain('invalid_url');
  });

  test('messages name blocks by label or admin name', () => {
    const [problem] = mutate((f) => {
      f.edges!.splice(3, 1);
      block(f, 'cap').name = 'Ask email';
    });
    expect(problem?.message).toContain('"Ask email"');
    const [byLabel] = mutate((f) => f.edges!.splice(3, 1));
    expect(byLabel?.message).toContain('"Ask for input"');
  });

  test('settings out of bounds are named in plain words: what is too long or empty, and the limit', () => {
    const [tooLong] = mutate((f) => Object.assign(block(f, 'bye').data!, { message: 'x'.repeat(5001) }));
    expect(tooLong?.message).toBe(
      '"End conversation" has settings that need fixing: message: too long: at most 5000 characters',
    );
    const [empty] = mutate((f) => Object.assign(block(f, 'cap').data!, { prompt: 'Email?', saveAs: '' }));
    expect(empty?.message).toContain('saveAs: empty: fill it in');
    const [variable] = mutate((f) => {
      f.variables = [{ name: 'v'.repeat(65) }];
    });
    expect(variable?.message).toBe("Entry 1 of the flow's variables is damaged: name: too long: at most 64 characters");
  });

  test('a block with broken settings is reported once, without knock-on problems', () => {
    const problems = mutate((f) => Object.assign(block(f, 'cap').data!, { inputType: 'telepathy' }));
    expect(codes(problems)).toEqual(['invalid_settings']);
  });

  test('a loop through a waiting block is fine', () => {
    // cond.false -> ask (buttons) is already a cycle in the sample flow.
    expect(codes(validateFlow(sampleFlow()))).not.toContain('loop_without_input');
  });

  test('a loop is caught even when it shares blocks with a loop through a question', () => {
    const problems = mutate((f) => {
      f.blocks.push(
        { id: 'a', type: 'set_variable', position: { x: 0, y: 0 }, data: { variable: 'n', value: '1' } },
        { id: 'b', type: 'condition', position: { x: 0, y: 0 }, data: block(f, 'cond').data },
      );
      Object.assign(f.edges![4]!, { target: 'a' }); // cond.true -> a
      f.edges!.push(
        { id: 'l1', source: 'a', sourceHandle: 'next', target: 'b' },
        { id: 'l2', source: 'b', sourceHandle: 'true', target: 'a' },
        { id: 'l3', source: 'b', sourceHandle: 'false', target: 'ask' },
      );
    });
    expect(problems.find((p) => p.code === 'loop_without_input')?.details).toEqual({ blockIds: ['a', 'b'] });
  });

  test('self loops count', () => {
    const problems = mutate((f) => {
      f.blocks.push({ id: 'me', type: 'set_variable', position: { x: 0, y: 0 }, data: { variable: 'n', value: '' } });
      f.edges!.push({ id: 's', source: 'me', sourceHandle: 'next', target: 'me' });
    });
    expect(problems.find((p) => p.code === 'loop_without_input')?.blockId).toBe('me');
  });

  // Issue 18: the handoff waits for an agent, but its offline exit is taken at once.
  test("a loop through a handoff's offline exit is caught; through its hand-back exit it is fine", () => {
    const loopVia = (handle: string) =>
      mutate((f) => {
        f.blocks.push(
          { id: 'h', type: 'human_handoff', position: { x: 0, y: 0 }, data: {} },
          { id: 'm', type: 'message', position: { x: 0, y: 0 }, data: { content: { type: 'text', text: 'Again' } } },
        );
        f.edges!.push(
          { id: 'l1', source: 'h', sourceHandle: handle, target: 'm' },
          { id: 'l2', source: 'm', sourceHandle: 'next', target: 'h' },
        );
      });
    const offline = loopVia('offline').find((p) => p.code === 'loop_without_input');
    expect(offline?.details).toEqual({ blockIds: ['h', 'm'] });
    expect(codes(loopVia('handed_off'))).not.toContain('loop_without_input');
    expect(codes(loopVia('no_agent_timeout'))).not.toContain('loop_without_input');
  });
});
