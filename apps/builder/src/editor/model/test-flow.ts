import { buttonMenu, FlowDocument, type FlowDocumentInput, numberedEdges, textMessage } from '@flowdesk/flow-schema';

type BlockInput = FlowDocumentInput['blocks'][number];

/** Each block's exits: output handle → the block it leads to; a block with only a `next` output names that block. */
export type Exits = Record<string, string | Record<string, string>>;

/**
 * A flow document for tests: the start block at (0, 0), then `blocks`; `exits` become edges numbered e1, e2, … in
 * the order written.
 */
export function testFlow({
  blocks,
  exits = {},
  ...rest
}: Omit<FlowDocumentInput, 'schemaVersion' | 'blocks' | 'edges'> & { blocks: BlockInput[]; exits?: Exits }) {
  const links = Object.entries(exits).flatMap(([source, exit]) => {
    const targets = typeof exit === 'string' ? { next: exit } : exit;
    return Object.entries(targets).map(([handle, target]) => [source, handle, target] as const);
  });
  return {
    schemaVersion: 1,
    ...rest,
    blocks: [{ id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} }, ...blocks],
    edges: numberedEdges(links),
  } satisfies FlowDocumentInput;
}

/** A small valid flow for unit tests: start → welcome → buttons (pricing / human) → handoff. */
export function sampleFlow(): FlowDocument {
  return FlowDocument.parse(
    testFlow({
      id: 'sample',
      name: 'Sample',
      blocks: [
        textMessage('welcome', { x: 300, y: 0 }, 'Hi {{name}}!'),
        buttonMenu('menu', { x: 600, y: 0 }, 'Pick one', { pricing: 'Pricing', human: 'Human' }),
        { id: 'handoff', type: 'human_handoff', position: { x: 900, y: 0 }, data: {} },
        { id: 'bye', type: 'end', position: { x: 1200, y: 0 }, data: {} },
      ],
      exits: {
        start: 'welcome',
        welcome: 'menu',
        menu: { human: 'handoff', pricing: 'bye' },
        handoff: { offline: 'bye' },
      },
      intents: [{ id: 'talk_to_human', name: 'Talk to a human', phrases: ['human please'] }],
    }),
  );
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
