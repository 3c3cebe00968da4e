import { type Block, type BlockOf, buildGraph, cycles, type FlowDocument, type Intent } from '@flowdesk/flow-schema';
import { STATES } from './types';

export interface TriggerRoute {
  intentId: string;
  blockId: string;
}

/** Lookups the machine's guards and actions need, built once per compile. */
export interface FlowIndex {
  doc: FlowDocument;
  blocks: Map<string, Block>;
  intents: Map<string, Intent>;
  globalTriggers: TriggerRoute[];
  localTriggers: TriggerRoute[];
  startId: string | null;
  /**
   * Blocks that can run again within one step: they sit on a loop that does not pass through a block
   * that always waits for the visitor. Only these count against the step budget; a straight path of
   * any length cannot run away, so its blocks skip the bookkeeping.
   */
  loopBlocks: ReadonlySet<string>;
  /** XState target (`#blockId`) an output leads to; unconnected outputs end the conversation. */
  target(blockId: string, handle: string): string;
  block<T extends Block['type']>(blockId: string, type: T): BlockOf<T>;
}

/** Entering one of these always ends the step (the visitor must answer). */
const ALWAYS_WAITS = new Set<Block['type']>(['buttons', 'capture']);

function blocksOnLoops(doc: FlowDocument): Set<string> {
  const graph = buildGraph({ ...doc, blocks: doc.blocks.filter((b) => !ALWAYS_WAITS.has(b.type)) });
  return new Set(cycles(graph).flat());
}

export function indexFlow(doc: FlowDocument): FlowIndex {
  const blocks = new Map<string, Block>();
  for (const b of doc.blocks) if (!blocks.has(b.id)) blocks.set(b.id, b);
  const intents = new Map(doc.intents.map((i) => [i.id, i]));
  const targets = new Map<string, string>();
  for (const e of doc.edges) {
    const key = `${e.source}:${e.sourceHandle}`;
    if (!targets.has(key) && blocks.has(e.target)) targets.set(key, e.target);
  }
  const triggers = (scope: 'global' | 'local') =>
    doc.blocks
      .filter((b): b is BlockOf<'intent_trigger'> => b.type === 'intent_trigger' && b.data.scope === scope)
      .filter((b) => intents.has(b.data.intentId))
      .map((b) => ({ intentId: b.data.intentId, blockId: b.id }));
  return {
    doc,
    blocks,
    intents,
    globalTriggers: triggers('global'),
    localTriggers: triggers('local'),
    startId: doc.blocks.find((b) => b.type === 'start')?.id ?? null,
    loopBlocks: blocksOnLoops(doc),
    target: (blockId, handle) => `#${targets.get(`${blockId}:${handle}`) ?? STATES.end}`,
    block: (blockId, type) => {
      const block = blocks.get(blockId);
      if (!block || block.type !== type) throw new Error(`Block ${blockId} is not a ${type} block`);
      return block as BlockOf<typeof type>;
    },
  };
}
