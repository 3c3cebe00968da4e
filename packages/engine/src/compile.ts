import { analyzeFlow, type FlowDocument, type FlowDocumentInput, type Problem } from '@flowdesk/flow-schema';
import { hashText } from './hash';
import { buildMachineConfig } from './machine/build';
import { type FlowIndex, indexFlow, type TriggerRoute } from './machine/flow-index';
import { createFlowSetup, type FlowMachineConfig } from './machine/setup';

export interface CompileOptions {
  /** Refuse any flow with an error-level problem (default: only problems that make it impossible to run). */
  strict?: boolean;
}

export class FlowCompileError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`The flow cannot run: ${problems.map((p) => p.message).join(' ')}`);
    this.name = 'FlowCompileError';
  }
}

function buildMachine(index: FlowIndex) {
  // The config is assembled from data; config.ts types it and createFlowSetup implements every name it uses.
  return createFlowSetup(index).createMachine(buildMachineConfig(index) as unknown as FlowMachineConfig);
}
export type FlowMachine = ReturnType<typeof buildMachine>;

export interface CompiledFlow {
  machine: FlowMachine;
  flowId: string;
  /** Changes whenever anything that affects behaviour changes (not block positions or names). */
  flowVersionHash: string;
  doc: FlowDocument;
  /** Warnings (and, unless strict, non-blocking errors) found while compiling. */
  problems: Problem[];
  blockIds: ReadonlySet<string>;
  /** Intent triggers by scope (`step()` classifies typed messages against these first). */
  triggers: { global: TriggerRoute[]; local: TriggerRoute[] };
}

/**
 * Hash of everything that affects behaviour. `doc` comes out of the zod parse, which writes keys in
 * schema order, so plain JSON of it is already canonical whatever order the input had.
 */
export function flowVersionHash(doc: FlowDocument): string {
  // Groups only frame blocks on the editor's canvas: regrouping never asks for a new version.
  const { groups: _g, ...rest } = doc;
  const behaviour = { ...rest, blocks: doc.blocks.map(({ position: _p, name: _n, ...block }) => block) };
  return hashText(JSON.stringify(behaviour));
}

/** Parses, checks and compiles a flow into an XState machine (one state per block, state id = block id). */
export function compileFlow(input: FlowDocumentInput | unknown, options: CompileOptions = {}): CompiledFlow {
  const analysis = analyzeFlow(input);
  const blocking = analysis.problems.filter((p) => p.severity === 'error');
  if (!analysis.runnable || (options.strict && blocking.length > 0)) throw new FlowCompileError(blocking);
  const index = indexFlow(analysis.doc);
  return {
    machine: buildMachine(index),
    flowId: analysis.doc.id,
    flowVersionHash: flowVersionHash(analysis.doc),
    doc: analysis.doc,
    problems: analysis.problems,
    blockIds: new Set(index.blocks.keys()),
    triggers: { global: index.globalTriggers, local: index.localTriggers },
  };
}
