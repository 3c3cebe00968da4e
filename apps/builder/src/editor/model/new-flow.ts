import { FlowDocument, SCHEMA_VERSION } from '@flowdesk/flow-schema';
import { slugify } from './ids';

/** An empty canvas: only the conversation start. */
export function newFlowDocument(name: string): FlowDocument {
  return FlowDocument.parse({
    schemaVersion: SCHEMA_VERSION,
    id: `${slugify(name, 'flow')}_${Date.now().toString(36)}`.slice(0, 64),
    name,
    blocks: [{ id: 'start', type: 'start', position: { x: 80, y: 200 }, data: {} }],
  });
}
