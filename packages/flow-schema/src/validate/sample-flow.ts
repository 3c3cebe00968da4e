import type { FlowDocumentInput } from '../document';
import { numberedEdges } from '../templates/layout';
import { buttonMenu } from '../templates/starter-flow';

/** A small valid flow the validation tests break in one place at a time. */
export function sampleFlow(): FlowDocumentInput {
  const at = (x: number) => ({ x, y: 0 });
  return {
    schemaVersion: 1,
    id: 'sample',
    name: 'Sample',
    blocks: [
      { id: 'start', type: 'start', position: at(0), data: {} },
      buttonMenu('ask', at(200), 'Hi {{visitor.name}}', { email: 'Email me', human: 'Human' }),
      {
        id: 'cap',
        type: 'capture',
        position: at(400),
        data: { prompt: 'Your email?', inputType: 'email', saveAs: 'email', validation: { pattern: '@' } },
      },
      {
        id: 'cond',
        type: 'condition',
        position: at(600),
        data: { groups: [{ rules: [{ variable: 'email', operator: 'matches_regex', value: '\\.com$' }] }] },
      },
      { id: 'bye', type: 'end', position: at(800), data: { message: 'Thanks, we will write to {{email}}' } },
      { id: 'handoff', type: 'human_handoff', position: at(400), data: {} },
      { id: 'trigger', type: 'intent_trigger', position: at(0), data: { intentId: 'human', scope: 'global' } },
    ],
    edges: numberedEdges([
      ['start', 'next', 'ask'],
      ['ask', 'email', 'cap'],
      ['ask', 'human', 'handoff'],
      ['cap', 'next', 'cond'],
      ['cond', 'true', 'bye'],
      ['cond', 'false', 'ask'],
      ['handoff', 'offline', 'cap'],
      ['trigger', 'next', 'handoff'],
    ]),
    intents: [{ id: 'human', name: 'Talk to a human', phrases: ['human please', 'real agent'] }],
  };
}
