import { isEmailAddress } from '@flowdesk/contract';
import type { CompiledFlow } from '@flowdesk/engine';

const emailVariables = new WeakMap<CompiledFlow, string[]>();

/** Where the flow's email questions save their answer (computed once per compiled flow). */
function emailTargets(flow: CompiledFlow): string[] {
  let targets = emailVariables.get(flow);
  if (!targets) {
    targets = flow.doc.blocks.flatMap((block) => {
      if (block.type !== 'capture') return [];
      const { inputType, saveAs, fields = [] } = block.data;
      if (inputType === 'email') return [saveAs];
      return inputType === 'form'
        ? fields.filter((f) => f.inputType === 'email').map((f) => `${saveAs}.${f.name}`)
        : [];
    });
    emailVariables.set(flow, targets);
  }
  return targets;
}

/**
 * The address an email question of the flow saved in this step, if it saved a new one; the runtime
 * stores it as the visitor's contact email so agents can write back after the chat is over.
 */
export function capturedEmail(
  flow: CompiledFlow,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string | null {
  for (const path of emailTargets(flow)) {
    const value = read(after, path);
    if (typeof value === 'string' && value !== read(before, path) && isEmailAddress(value.trim())) return value.trim();
  }
  return null;
}

/** `a.b` in nested variables. */
function read(variables: Record<string, unknown>, path: string): unknown {
  let value: unknown = variables;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
