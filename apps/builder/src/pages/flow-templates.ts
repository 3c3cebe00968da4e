import { blockDefinitions, FLOW_TEMPLATES, FlowDocument, type FlowTemplate } from '@flowdesk/flow-schema';
import { slugify } from '../editor/model/ids';

export { FLOW_TEMPLATES, type FlowTemplate };

/** A new flow document from a gallery template: its own id and the admin's name, everything else as drawn. */
export function flowFromTemplate(template: FlowTemplate, name: string): FlowDocument {
  const copy = structuredClone(template.document);
  return FlowDocument.parse({
    ...copy,
    id: `${slugify(name, 'flow')}_${Date.now().toString(36)}`.slice(0, 64),
    name,
  });
}

/** The blocks a template is made of, in drawing order, as the palette names them ("Message", "Buttons"…). */
export function templateBlockLabels(template: FlowTemplate): string[] {
  return template.document.blocks.filter((b) => b.type !== 'start').map((b) => blockDefinitions[b.type].label);
}
