import { type Block, type BlockType, blockDefinitions } from '@flowdesk/flow-schema';

const MAX = 60;

const clip = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX ? `${line.slice(0, MAX - 1)}…` : line;
};

type Data = Record<string, unknown>;
const noText = () => '';

/** What a block says or does, in the admin's words, per type (a new type does not compile until listed). */
const textOf: { [T in BlockType]: (data: Data) => string } = {
  start: noText,
  intent_trigger: noText,
  message: (data) => {
    const content = (data.content ?? {}) as Data;
    const text = content.text ?? content.caption ?? content.label ?? content.name ?? content.alt;
    return typeof text === 'string' ? text : '';
  },
  buttons: (data) => String(data.text ?? ''),
  capture: (data) => String(data.prompt ?? ''),
  condition: noText,
  set_variable: (data) => `${String(data.variable ?? '')} = ${String(data.value ?? '')}`,
  match_intent: noText,
  ai_answer: noText,
  ai_agent: noText,
  http_request: (data) => `${String(data.method ?? '')} ${String(data.url ?? '')}`,
  send_email: (data) => String(data.subject ?? ''),
  human_handoff: noText,
  end: (data) => String(data.message ?? ''),
};

/** What a block says or does, in the admin's words: its text, question, or what it sets. */
function blockText(block: Block): string {
  return textOf[block.type](block.data as Data);
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
