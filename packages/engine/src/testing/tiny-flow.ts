import { type FlowDocumentInput, numberedEdges } from '@flowdesk/flow-schema';

type BlockSpec = { id: string; type: string; data?: Record<string, unknown> };
type EdgeSpec = [source: string, handle: string, target: string];

/**
 * A small flow for tests: a start block (id `start`) leading to the first listed block, then the given
 * edges as `[source, handle, target]`.
 */
export function tinyFlow(
  blocks: BlockSpec[],
  edges: EdgeSpec[],
  extra: Partial<FlowDocumentInput> = {},
): FlowDocumentInput {
  const all = [{ id: 'start', type: 'start', data: {} }, ...blocks];
  const first = blocks[0]?.id;
  const edgeList = [...(first ? [['start', 'next', first] as EdgeSpec] : []), ...edges];
  return {
    schemaVersion: 1,
    id: 'tiny',
    name: 'Tiny',
    blocks: all.map((b, i) => ({
      ...b,
      data: b.data ?? {},
      position: { x: i * 200, y: 0 },
    })) as FlowDocumentInput['blocks'],
    edges: numberedEdges(edgeList, 0),
    ...extra,
  };
}

/** `block`, each of its `outputs` (`[handle, messageId, text]`) leading to a text message of its own. */
export function branchingFlow(
  block: BlockSpec,
  outputs: Array<[string, string, string]>,
  extra: Partial<FlowDocumentInput> = {},
): FlowDocumentInput {
  return tinyFlow(
    [block, ...outputs.map(([, id, text]) => msg(id, text))],
    outputs.map(([handle, id]) => [block.id, handle, id]),
    extra,
  );
}

/** A text message block. */
export const msg = (id: string, text: string) => ({ id, type: 'message', data: { content: { type: 'text', text } } });

/** A capture block asking `prompt`, saving the answer as `saveAs`. */
export const ask = (id: string, prompt: string, saveAs: string) => ({ id, type: 'capture', data: { prompt, saveAs } });

/** An intent trigger: a message matching `intentId` jumps here (`local`: only where typed text is otherwise unusable). */
export const intentTrigger = (id: string, intentId: string, scope: 'global' | 'local') => ({
  id,
  type: 'intent_trigger',
  data: { intentId, scope },
});

/**
 * `tinyFlow(blocks, edges)` with one intent, `intent`, and a trigger for it (id `trig`, `scope`) that leads to a
 * message saying `reply` (the message's id is the intent's).
 */
export function flowWithTrigger(
  blocks: BlockSpec[],
  edges: EdgeSpec[],
  {
    intent,
    scope,
    reply,
  }: { intent: { id: string; name: string; phrases: string[] }; scope: 'global' | 'local'; reply: string },
): FlowDocumentInput {
  return tinyFlow(
    [...blocks, intentTrigger('trig', intent.id, scope), msg(intent.id, reply)],
    [...edges, ['trig', 'next', intent.id]],
    { intents: [intent] },
  );
}
