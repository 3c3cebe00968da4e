import type { AnyMachineSnapshot } from 'xstate';
import { matchButton } from './blocks/buttons';
import type { CompiledFlow } from './compile';
import type { EngineEffects } from './effects';
import type { EngineInput } from './engine-input';
import type { TriggerRoute } from './machine/flow-index';
import { type EngineEvent, TAGS } from './machine/types';

/** Local triggers apply where the flow cannot use typed text: buttons that do not allow typing it. */
function localTriggersApply(compiled: CompiledFlow, snapshot: AnyMachineSnapshot, text: string): boolean {
  if (compiled.triggers.local.length === 0 || !snapshot.hasTag(TAGS.waiting)) return false;
  const value = snapshot.value;
  const blockId = typeof value === 'string' ? value : Object.keys(value)[0];
  const block = compiled.doc.blocks.find((b) => b.id === blockId);
  return (
    block?.type === 'buttons' && !block.data.allowTyping && matchButton(block.data, { type: 'text', text }) === null
  );
}

/**
 * Intent triggers: a typed visitor message is classified first (unless an agent holds the conversation)
 * against the global triggers, plus the local ones where the flow cannot use the text. A confident match
 * becomes an `intent` event that jumps to the trigger block; a failing classifier lets the text through.
 */
export async function routeIntent(
  compiled: CompiledFlow,
  effects: EngineEffects,
  snapshot: AnyMachineSnapshot,
  event: EngineInput,
): Promise<EngineEvent> {
  if (event.type !== 'visitor_message' || event.content.type !== 'text' || snapshot.hasTag(TAGS.handoff)) return event;
  const { text } = event.content;
  const routes: TriggerRoute[] = [
    ...compiled.triggers.global,
    ...(localTriggersApply(compiled, snapshot, text) ? compiled.triggers.local : []),
  ];
  if (routes.length === 0) return event;
  const intents = compiled.doc.intents.filter((i) => routes.some((r) => r.intentId === i.id));
  try {
    const result = await effects.classifyIntent({ text, intents });
    const confident = Number(result?.confidence) >= compiled.doc.settings.intentThreshold;
    const route = confident ? routes.find((r) => r.intentId === result?.intentId) : undefined;
    return route ? { type: 'intent', blockId: route.blockId, content: event.content } : event;
  } catch {
    return event;
  }
}
