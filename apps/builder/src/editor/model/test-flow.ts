import { FlowDocument } from '@flowdesk/flow-schema';

/** A small valid flow for unit tests: start → welcome → buttons (pricing / human) → handoff. */
export function sampleFlow(): FlowDocument {
  return FlowDocument.parse({
    schemaVersion: 1,
    id: 'sample',
    name: 'Sample',
    blocks: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      {
        id: 'welcome',
        type: 'message',
        position: { x: 300, y: 0 },
        data: { content: { type: 'text', text: 'Hi {{name}}!' } },
      },
      {
        id: 'menu',
        type: 'buttons',
        position: { x: 600, y: 0 },
        data: {
          text: 'Pick one',
          buttons: [
            { id: 'pricing', label: 'Pricing' },
            { id: 'human', label: 'Human' },
          ],
        },
      },
      { id: 'handoff', type: 'human_handoff', position: { x: 900, y: 0 }, data: {} },
      { id: 'bye', type: 'end', position: { x: 1200, y: 0 }, data: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'welcome' },
      { id: 'e2', source: 'welcome', sourceHandle: 'next', target: 'menu' },
      { id: 'e3', source: 'menu', sourceHandle: 'human', target: 'handoff' },
      { id: 'e4', source: 'menu', sourceHandle: 'pricing', target: 'bye' },
      { id: 'e5', source: 'handoff', sourceHandle: 'offline', target: 'bye' },
    ],
    intents: [{ id: 'talk_to_human', name: 'Talk to a human', phrases: ['human please'] }],
  });
}
