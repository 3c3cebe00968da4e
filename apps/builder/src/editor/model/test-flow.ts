import { buttonMenu, FlowDocument, numberedEdges, textMessage } from '@flowdesk/flow-schema';

/** A small valid flow for unit tests: start → welcome → buttons (pricing / human) → handoff. */
export function sampleFlow(): FlowDocument {
  return FlowDocument.parse({
    schemaVersion: 1,
    id: 'sample',
    name: 'Sample',
    blocks: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      textMessage('welcome', { x: 300, y: 0 }, 'Hi {{name}}!'),
      buttonMenu('menu', { x: 600, y: 0 }, 'Pick one', { pricing: 'Pricing', human: 'Human' }),
      { id: 'handoff', type: 'human_handoff', position: { x: 900, y: 0 }, data: {} },
      { id: 'bye', type: 'end', position: { x: 1200, y: 0 }, data: {} },
    ],
    edges: numberedEdges([
      ['start', 'next', 'welcome'],
      ['welcome', 'next', 'menu'],
      ['menu', 'human', 'handoff'],
      ['menu', 'pricing', 'bye'],
      ['handoff', 'offline', 'bye'],
    ]),
    intents: [{ id: 'talk_to_human', name: 'Talk to a human', phrases: ['human please'] }],
  });
}

/** The sample flow with `blocks` and `edges` added, less the edge `replacing` (an output the new edges take over). */
export function sampleFlowWith({
  blocks = [],
  edges = [],
  replacing,
}: {
  blocks?: unknown[];
  edges?: unknown[];
  replacing?: string;
}): FlowDocument {
  const base = sampleFlow();
  return FlowDocument.parse({
    ...base,
    blocks: [...base.blocks, ...blocks],
    edges: [...base.edges.filter((e) => e.id !== replacing), ...edges],
  });
}
