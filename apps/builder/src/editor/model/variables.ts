import {
  type Block,
  BUILTIN_VARIABLES,
  type FlowDocument,
  type FlowVariable,
  variablesSetBy,
  variablesUsedBy,
} from '@flowdesk/flow-schema';

export interface VariableInfo {
  name: string;
  declared?: FlowVariable;
  /** Ids of blocks that write it. */
  setBy: string[];
  /** Ids of blocks that read it. */
  usedBy: string[];
  builtin: boolean;
}

function safe(read: (block: Block) => string[], block: Block): string[] {
  try {
    return read(block);
  } catch {
    return []; // half-edited settings
  }
}

/** Every variable of the flow: declared, written or read by blocks, or built in — with where. */
export function variableIndex(doc: FlowDocument): VariableInfo[] {
  const byName = new Map<string, VariableInfo>();
  const entry = (name: string) => {
    let info = byName.get(name);
    if (!info) {
      info = { name, setBy: [], usedBy: [], builtin: (BUILTIN_VARIABLES as readonly string[]).includes(name) };
      byName.set(name, info);
    }
    return info;
  };
  for (const name of BUILTIN_VARIABLES) entry(name);
  for (const variable of doc.variables) entry(variable.name).declared = variable;
  for (const block of doc.blocks) {
    for (const name of safe(variablesSetBy, block)) if (name) entry(name).setBy.push(block.id);
    for (const name of safe(variablesUsedBy, block)) if (name) entry(name).usedBy.push(block.id);
  }
  return [...byName.values()].sort((a, b) => Number(b.builtin) - Number(a.builtin) || a.name.localeCompare(b.name));
}

/** Names offered when inserting `{{variable}}` into a text. */
export function variableNames(doc: FlowDocument): string[] {
  return variableIndex(doc)
    .filter((v) => v.builtin || v.declared || v.setBy.length > 0)
    .map((v) => v.name);
}

/** Inserts `{{name}}` into text at the cursor range; returns the new text and the cursor after it. */
export function insertPlaceholder(
  text: string,
  name: string,
  start: number,
  end = start,
): { text: string; cursor: number } {
  const token = `{{${name}}}`;
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + token + text.slice(to), cursor: from + token.length };
}
