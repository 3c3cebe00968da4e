import type { Intent } from '@flowdesk/flow-schema';
import type { AnyMachineSnapshot } from 'xstate';
import type { CompiledFlow } from './compile';
import type { EngineEffects } from './effects';
import type { EngineInput } from './engine-input';
import { type EngineEvent, TAGS } from './machine/types';

/**
 * Global intent triggers: every typed visitor message is classified first (unless an agent holds the
 * conversation); a confident match becomes an `intent` event that jumps to the trigger block. A failing
 * classifier just lets the message through.
 */
export async function routeGlobalIntent(
  compiled: CompiledFlow,
  effects: EngineEffects,
  snapshot: AnyMachineSnapshot,
  event: EngineInput,
): Promise<EngineEvent> {
  const { globalTriggers } = compiled;
  if (event.type !== 'visitor_message' || event.content.type !== 'text') return event;
  if (globalTriggers.length === 0 || snapshot.hasTag(TAGS.handoff)) return event;
  const intents = compiled.doc.intents.filter((i: Intent) => globalTriggers.some((t) => t.intentId === i.id));
  try {
    const result = await effects.classifyIntent({ text: event.content.text, intents });
    const confident = Number(result?.confidence) >= compiled.doc.settings.intentThreshold;
    const route = confident ? globalTriggers.find((t) => t.intentId === result?.intentId) : undefined;
    return route ? { type: 'intent', blockId: route.blockId, content: event.content } : event;
  } catch {
    return event;
  }
}
