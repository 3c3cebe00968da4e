import { type Block, blockDefinitions } from '@flowdesk/flow-schema';

const MAX = 60;

const clip = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX ? `${line.slice(0, MAX - 1)}…` : line;
};

/** What a block says or does, in the admin's words: its text, question, or what it sets. */
function blockText(block: Block): string {
  const data = block.data as Record<string, unknown>;
  switch (block.type) {
    case 'message': {
      const content = data.content as Record<string, unknown>;
      const text = content.text ?? content.caption ?? content.label ?? content.name ?? content.alt;
      return typeof text === 'string' ? text : '';
    }
    case 'capture':
      return String(data.prompt ?? '');
    case 'buttons':
      return String(data.text ?? '');
    case 'set_variable':
      return `${String(data.variable ?? '')} = ${String(data.value ?? '')}`;
    case 'end':
      return String(data.message ?? '');
    case 'http_request':
      return `${String(data.method ?? '')} ${String(data.url ?? '')}`;
    case 'send_email':
      return String(data.subject ?? '');
    default:
      return '';
  }
}

/**
 * How a block is listed to people (the hand-back dialog): the type's label and the block's name, else its
 * text — "Ask for input · What is your email?" — never its internal id. Unnamed blocks without text are
 * numbered when several share a type ("Condition 2").
 */
export function handBackLabels(blocks: Block[]): Array<{ id: string; type: string; label: string }> {
  const seen = new Map<string, number>();
  const total = new Map<string, number>();
  for (const block of blocks) total.set(block.type, (total.get(block.type) ?? 0) + 1);
  return blocks.map((block) => {
    const type = blockDefinitions[block.type].label;
    const n = (seen.get(block.type) ?? 0) + 1;
    seen.set(block.type, n);
    const words = clip((block as { name?: string }).name?.trim() || blockText(block));
    const label = words ? `${type} · ${words}` : (total.get(block.type) ?? 0) > 1 ? `${type} ${n}` : type;
    return { id: block.id, type: block.type, label };
  });
}
