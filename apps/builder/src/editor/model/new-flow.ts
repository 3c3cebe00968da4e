import { FlowDocument, SCHEMA_VERSION } from '@flowdesk/flow-schema';
import { slugify } from './ids';

/** A new flow named `name`: the conversation start, then what a template adds to it (an empty canvas: nothing). */
export function newFlowDocument(name: string, added: { blocks?: unknown[]; edges?: unknown[] } = {}): FlowDocument {
  return FlowDocument.parse({
    schemaVersion: SCHEMA_VERSION,
    id: `${slugify(name, 'flow')}_${Date.now().toString(36)}`.slice(0, 64),
    name,
    blocks: [{ id: 'start', type: 'start', position: { x: 80, y: 200 }, data: {} }, ...(added.blocks ?? [])],
    edges: added.edges ?? [],
  });
}
