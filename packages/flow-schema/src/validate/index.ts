import type { FlowDocument } from '../document';
import { checkContent } from './checks-content';
import { checkGraph } from './checks-graph';
import { checkTraps } from './checks-traps';
import { parseFlowLeniently } from './parse';
import { BLOCKING_CODES, type Problem } from './problems';

export interface FlowAnalysis {
  /** Everything of the flow that parsed (broken parts left out). */
  doc: FlowDocument;
  problems: Problem[];
  /** True when the flow can run (no blocking problems); warnings and other errors may remain. */
  runnable: boolean;
}

/** Parses and checks any JSON. Never throws. */
export function analyzeFlow(input: unknown): FlowAnalysis {
  const { doc, problems, brokenBlockIds } = parseFlowLeniently(input);
  problems.push(
    ...checkGraph(doc, brokenBlockIds),
    ...checkContent(doc, brokenBlockIds.size === 0),
    ...checkTraps(doc, brokenBlockIds),
  );
  return { doc, problems, runnable: !problems.some((p) => BLOCKING_CODES.has(p.code)) };
}

/** Every problem of a flow with a stable code; a valid flow gives an empty list. Never throws. */
export function validateFlow(input: unknown): Problem[] {
  try {
    return analyzeFlow(input).problems;
  } catch (cause) {
    // Defensive: a bug in a check must not take down the editor or the publish endpoint.
    return [
      {
        code: 'invalid_document',
        severity: 'error',
        message: 'This flow could not be checked.',
        details: String(cause),
      },
    ];
  }
}

export { variablesSetBy, variablesUsedBy } from './checks-content';
export { checkKnowledgeSources, type KnownKnowledgeSource, knowledgeSourceIdsOf } from './checks-knowledge';
export { buildGraph, cycles, type FlowGraph, instantGraph, waitsBefore } from './graph';
export { blockLabel, parseFlowLeniently } from './parse';
export * from './problems';
