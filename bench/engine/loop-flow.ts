import type { FlowDocumentInput } from '../../packages/flow-schema/src/index';

/** The transition workload: a click at the menu runs message → set variable → condition → back to the menu. */
export const loopFlow: FlowDocumentInput = {
  schemaVersion: 1,
  id: 'loop',
  name: 'Loop',
  variables: [{ name: 'count', defaultValue: '' }],
  blocks: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'menu',
      type: 'buttons',
      position: { x: 200, y: 0 },
      data: { text: 'Pick', buttons: [{ id: 'go', label: 'Go' }], saveAs: 'choice' },
    },
    {
      id: 'say',
      type: 'message',
      position: { x: 400, y: 0 },
      data: { content: { type: 'text', text: 'You chose {{choice}}' } },
    },
    { id: 'count', type: 'set_variable', position: { x: 600, y: 0 }, data: { variable: 'count', value: 'x' } },
    {
      id: 'check',
      type: 'condition',
      position: { x: 800, y: 0 },
      data: { groups: [{ rules: [{ variable: 'choice', operator: 'equals', value: 'Go' }] }] },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'menu' },
    { id: 'e2', source: 'menu', sourceHandle: 'go', target: 'say' },
    { id: 'e3', source: 'say', sourceHandle: 'next', target: 'count' },
    { id: 'e4', source: 'count', sourceHandle: 'next', target: 'check' },
    { id: 'e5', source: 'check', sourceHandle: 'true', target: 'menu' },
    { id: 'e6', source: 'check', sourceHandle: 'false', target: 'menu' },
  ],
};

/** Blocks entered per click in the loop above. */
export const TRANSITIONS_PER_EVENT = 4;
