import type { FlowDocument } from '../document';
import { buildGraph, cycles, entryBlocks, type FlowGraph, instantGraph, outputKey, reachableFrom } from './graph';
import { blockLabel } from './parse';
import { PROBLEM_CODES as C, error, type Problem, warning } from './problems';

function checkEdges(doc: FlowDocument, graph: FlowGraph, broken: ReadonlySet<string>, problems: Problem[]): void {
  const seenIds = new Set<string>();
  for (const edge of doc.edges) {
    const where = { edgeId: edge.id };
    if (seenIds.has(edge.id))
      problems.push(error(C.duplicateEdgeId, `Two connections share the id "${edge.id}".`, where));
    seenIds.add(edge.id);
    if (broken.has(edge.source) || broken.has(edge.target)) continue;
    const source = graph.blocks.get(edge.source);
    if (!source) {
      problems.push(error(C.edgeFromMissingBlock, 'A connection starts at a block that no longer exists.', where));
      continue;
    }
    if (!graph.blocks.has(edge.target))
      problems.push(
        error(C.edgeToMissingBlock, `A connection from ${blockLabel(source)} leads to a block that no longer exists.`, {
          ...where,
          blockId: source.id,
        }),
      );
    const handles = graph.outputs.get(source.id) ?? [];
    if (!handles.some((h) => h.id === edge.sourceHandle))
      problems.push(
        error(C.unknownOutput, `A connection leaves ${blockLabel(source)} from an exit it no longer has.`, {
          ...where,
          blockId: source.id,
        }),
      );
  }
}

function checkOutputs(graph: FlowGraph, problems: Problem[]): void {
  for (const block of graph.blocks.values()) {
    const where = { blockId: block.id };
    for (const handle of graph.outputs.get(block.id) ?? []) {
      const edges = graph.edgesByOutput.get(outputKey(block.id, handle.id)) ?? [];
      if (edges.length > 1)
        problems.push(
          error(C.outputConnectedTwice, `The "${handle.label}" exit of ${blockLabel(block)} leads to several blocks.`, {
            ...where,
            edgeId: edges[1]?.id,
          }),
        );
      if (edges.length > 0) continue;
      if (block.type === 'capture' && handle.id === 'next')
        problems.push(
          warning(
            C.deadEndCapture,
            `${blockLabel(block)} asks a question but nothing happens after the answer.`,
            where,
          ),
        );
      else if (block.type === 'human_handoff' && handle.id === 'offline')
        problems.push(
          warning(
            C.handoffWithoutOfflinePath,
            `${blockLabel(block)} has no path for when nobody is available (for example, ask for an email).`,
            where,
          ),
        );
      else if (handle.required)
        problems.push(
          warning(
            C.unconnectedOutput,
            `The "${handle.label}" exit of ${blockLabel(block)} is not connected; the conversation would stop there.`,
            { ...where, details: { handle: handle.id } },
          ),
        );
    }
  }
}

function checkReachability(graph: FlowGraph, problems: Problem[]): void {
  const starts = [...graph.blocks.values()].filter((b) => b.type === 'start');
  if (starts.length === 0)
    problems.push(error(C.noStart, 'The flow has no "Conversation start" block, so it can never begin.'));
  for (const extra of starts.slice(1))
    problems.push(
      error(C.multipleStarts, 'The flow has more than one "Conversation start" block; keep only one.', {
        blockId: extra.id,
      }),
    );
  const reachable = reachableFrom(graph, entryBlocks(graph));
  for (const block of graph.blocks.values())
    if (!reachable.has(block.id))
      problems.push(
        warning(C.unreachableBlock, `${blockLabel(block)} can never be reached; connect it or remove it.`, {
          blockId: block.id,
        }),
      );
}

/** Cycles left once every connection taken after a wait is taken out: each one can spin forever. */
function checkLoops(doc: FlowDocument, problems: Problem[]): void {
  const graph = instantGraph(doc);
  for (const component of cycles(graph)) {
    const blocks = component.map((id) => graph.blocks.get(id)!);
    const names = blocks.slice(0, 5).map(blockLabel).join(' → ');
    problems.push(
      error(
        C.loopWithoutInput,
        `These blocks form a loop that never waits for the visitor, so it would repeat forever: ${names}.`,
        { blockId: component[0], details: { blockIds: component } },
      ),
    );
  }
}

export function checkGraph(doc: FlowDocument, broken: ReadonlySet<string> = new Set()): Problem[] {
  const graph = buildGraph(doc, broken);
  const problems: Problem[] = graph.duplicateBlocks.map((b) =>
    error(C.duplicateBlockId, `Two blocks share the id "${b.id}"; one of them was ignored.`, { blockId: b.id }),
  );
  checkEdges(doc, graph, broken, problems);
  checkOutputs(graph, problems);
  checkReachability(graph, problems);
  checkLoops(doc, problems);
  return problems;
}
