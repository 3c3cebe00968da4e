import { type Block, FlowDocument } from '@flowdesk/flow-schema';

/**
 * A branching flow of `count` blocks for layout checks: buttons with three exits, conditions, handoffs,
 * messages and email questions, forward branches that join again and loop-back edges to earlier blocks.
 */
export function generatedFlow(count = 40): FlowDocument {
  const blocks: unknown[] = [{ id: 'b0', type: 'start', position: { x: 0, y: 0 }, data: {} }];
  const edges: { id: string; source: string; sourceHandle: string; target: string }[] = [];
  const outs: [string, string][] = [['b0', 'next']];
  const link = (source: string, sourceHandle: string, target: string) =>
    edges.push({ id: `e${edges.length}`, source, sourceHandle, target });
  for (let i = 1; i < count; i++) {
    const id = `b${i}`;
    const kind = i % 5;
    const position = { x: i * 40, y: 0 };
    const from = outs.shift();
    if (from) link(from[0], from[1], id);
    if (kind === 1) {
      blocks.push({
        id,
        type: 'message',
        position,
        data: { content: { type: 'text', text: `Step ${i}: hello there` } },
      });
      outs.push([id, 'next']);
    } else if (kind === 2) {
      const buttons = [
        { id: 'yes', label: 'Yes please' },
        { id: 'no', label: 'No thanks' },
      ];
      blocks.push({ id, type: 'buttons', position, data: { text: `Question ${i}?`, buttons } });
      outs.push([id, 'yes'], [id, 'no']);
      if (i > 6) link(id, 'no_match', `b${i - 5}`); // a loop back
    } else if (kind === 3) {
      blocks.push({
        id,
        type: 'condition',
        position,
        data: { groups: [{ rules: [{ variable: 'email', operator: 'is_not_empty' }] }] },
      });
      outs.push([id, 'true']);
      if (i > 10)
        link(id, 'false', `b${i - 9}`); // a longer loop back
      else outs.push([id, 'false']);
    } else if (kind === 4) {
      blocks.push({
        id,
        type: 'capture',
        position,
        data: { prompt: `Your email (${i})?`, inputType: 'email', saveAs: 'email' },
      });
      outs.push([id, 'next']);
    } else {
      blocks.push({ id, type: 'human_handoff', position, data: {} });
      outs.push([id, 'offline']);
    }
    // Branches join again: every fourth block also receives the oldest open exit.
    if (i % 4 === 0 && outs.length > 3) {
      const extra = outs.shift()!;
      link(extra[0], extra[1], id);
    }
  }
  return FlowDocument.parse({ schemaVersion: 1, id: 'generated', name: 'Generated', blocks: blocks as Block[], edges });
}
