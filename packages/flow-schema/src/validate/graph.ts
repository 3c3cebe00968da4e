import { blockDefinitions, blockOutputs, type OutputHandle } from '../blocks';
import type { Block, Edge, FlowDocument } from '../document';

/** Blocks, their outputs and the edges between them, indexed once for every check. */
export interface FlowGraph {
  blocks: Map<string, Block>;
  duplicateBlocks: Block[];
  outputs: Map<string, OutputHandle[]>;
  /** `${source}:${handle}` -> edges leaving that output. */
  edgesByOutput: Map<string, Edge[]>;
  /** Block id -> ids of blocks it leads to (only edges between existing blocks). */
  successors: Map<string, string[]>;
}

export const outputKey = (blockId: string, handle: string) => `${blockId}:${handle}`;

/** `broken`: ids of blocks that did not parse; edges through them still count for reachability. */
export function buildGraph(doc: FlowDocument, broken: ReadonlySet<string> = new Set()): FlowGraph {
  const blocks = new Map<string, Block>();
  const duplicateBlocks: Block[] = [];
  const outputs = new Map<string, OutputHandle[]>();
  for (const block of doc.blocks) {
    if (blocks.has(block.id)) duplicateBlocks.push(block);
    else {
      blocks.set(block.id, block);
      outputs.set(block.id, blockOutputs(block));
    }
  }
  const edgesByOutput = new Map<string, Edge[]>();
  const successors = new Map<string, string[]>();
  for (const id of [...blocks.keys(), ...broken]) successors.set(id, []);
  for (const edge of doc.edges) {
    const key = outputKey(edge.source, edge.sourceHandle);
    edgesByOutput.set(key, [...(edgesByOutput.get(key) ?? []), edge]);
    if (blocks.has(edge.target) || broken.has(edge.target)) successors.get(edge.source)?.push(edge.target);
  }
  return { blocks, duplicateBlocks, outputs, edgesByOutput, successors };
}

/** Entry points: the start block and every intent trigger. */
export function entryBlocks(graph: FlowGraph): string[] {
  return [...graph.blocks.values()].filter((b) => b.type === 'start' || b.type === 'intent_trigger').map((b) => b.id);
}

export function reachableFrom(graph: FlowGraph, roots: string[]): Set<string> {
  const seen = new Set<string>(roots);
  const queue = [...roots];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const next of graph.successors.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** Strongly connected components that form a cycle (Tarjan, iterative so big flows cannot overflow the stack). */
export function cycles(graph: FlowGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;
  for (const root of graph.blocks.keys()) {
    if (index.has(root)) continue;
    const work: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const { id } = frame;
      if (frame.next === 0 && !index.has(id)) {
        index.set(id, counter);
        low.set(id, counter++);
        stack.push(id);
        onStack.add(id);
      }
      const succ = graph.successors.get(id) ?? [];
      if (frame.next < succ.length) {
        const next = succ[frame.next++]!;
        if (!index.has(next)) work.push({ id: next, next: 0 });
        else if (onStack.has(next)) low.set(id, Math.min(low.get(id)!, index.get(next)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(id)!));
      if (low.get(id) === index.get(id)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== id);
        const selfLoop = component.length === 1 && succ.includes(id);
        if (component.length > 1 || selfLoop) result.push(component.reverse());
      }
    }
  }
  return result;
}

export const waitsForInput = (block: Block) => blockDefinitions[block.type].waitsForInput;

/** Whether leaving `block` by `handle` follows a wait for the visitor (or an agent). */
export function waitsBefore(block: Block, handle: string): boolean {
  const definition: { waitsForInput: boolean; immediateOutputs?: readonly string[] } = blockDefinitions[block.type];
  return definition.waitsForInput && !definition.immediateOutputs?.includes(handle);
}

/** The flow with only the connections taken without waiting: its cycles can spin within one step. */
export function instantGraph(doc: FlowDocument): FlowGraph {
  const blocks = new Map(doc.blocks.map((b) => [b.id, b]));
  const edges = doc.edges.filter((e) => {
    const source = blocks.get(e.source);
    return source !== undefined && !waitsBefore(source, e.sourceHandle);
  });
  return buildGraph({ ...doc, edges });
}
