import { type Block, FlowDocument, FlowSettings, SCHEMA_VERSION } from '@flowdesk/flow-schema';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Opens a stored draft for editing. A valid document parses normally (defaults applied); a draft
 * saved half-edited keeps every block that has an id, type and position — with its settings as they
 * were — so nothing the admin drew disappears; validation then points at what needs fixing.
 */
export function loadDocument(raw: unknown, fallback: { id: string; name: string }): FlowDocument {
  const strict = FlowDocument.safeParse(raw);
  if (strict.success) return strict.data;
  const input = isObject(raw) ? raw : {};
  const blocks = list(input.blocks).filter(
    (b): b is Block =>
      isObject(b) && typeof b.id === 'string' && typeof b.type === 'string' && isObject(b.position) && isObject(b.data),
  );
  const settings = FlowSettings.safeParse(input.settings ?? {});
  return {
    schemaVersion: SCHEMA_VERSION,
    id: typeof input.id === 'string' ? input.id : fallback.id,
    name: typeof input.name === 'string' ? input.name : fallback.name,
    blocks,
    edges: list(input.edges).filter(
      (e): e is FlowDocument['edges'][number] =>
        isObject(e) && typeof e.id === 'string' && typeof e.source === 'string' && typeof e.target === 'string',
    ),
    variables: list(input.variables).filter(isObject) as FlowDocument['variables'],
    intents: list(input.intents).filter(isObject) as FlowDocument['intents'],
    settings: settings.success ? settings.data : FlowSettings.parse({}),
    notes: list(input.notes).filter(
      (n): n is NonNullable<FlowDocument['notes']>[number] =>
        isObject(n) && typeof n.id === 'string' && typeof n.text === 'string' && isObject(n.position),
    ),
    groups: list(input.groups).filter(
      (g): g is NonNullable<FlowDocument['groups']>[number] =>
        isObject(g) && typeof g.id === 'string' && typeof g.title === 'string' && Array.isArray(g.blockIds),
    ),
  };
}
