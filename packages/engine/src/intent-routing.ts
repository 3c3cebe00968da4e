import type { AnyMachineSnapshot } from 'xstate';
import { matchButton } from './blocks/buttons';
import { parseCaptureInput } from './blocks/capture';
import type { CompiledFlow } from './compile';
import type { ClassifyIntentRequest, ClassifyIntentResult, EffectOutcome } from './effects';
import type { EngineInput } from './engine-input';
import type { TriggerRoute } from './machine/flow-index';
import { type EngineEvent, TAGS } from './machine/types';

type VisitorText = Extract<EngineInput, { type: 'visitor_message' }> & { content: { type: 'text' } };

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
 * Text the waiting block takes as a complete structured answer (a button's label, a valid email, number,
 * date… for a non-text question) goes to the flow: no intent could be meant, so none is asked for.
 */
function flowTakesIt(compiled: CompiledFlow, snapshot: AnyMachineSnapshot, text: string): boolean {
  if (!snapshot.hasTag(TAGS.waiting)) return false;
  const value = snapshot.value;
  const blockId = typeof value === 'string' ? value : Object.keys(value)[0];
  const block = compiled.doc.blocks.find((b) => b.id === blockId);
  const content = { type: 'text' as const, text };
  if (block?.type === 'buttons') return matchButton(block.data, content) !== null;
  if (block?.type === 'capture' && block.data.inputType !== 'text' && block.data.inputType !== 'form')
    return parseCaptureInput(block.data, content).ok;
  return false;
}

function routesFor(compiled: CompiledFlow, snapshot: AnyMachineSnapshot, event: EngineInput): TriggerRoute[] {
  if (event.type !== 'visitor_message' || event.content.type !== 'text' || snapshot.hasTag(TAGS.handoff)) return [];
  return [
    ...compiled.triggers.global,
    ...(localTriggersApply(compiled, snapshot, event.content.text) ? compiled.triggers.local : []),
  ];
}

/**
 * Intent triggers: a typed visitor message is classified first (unless an agent holds the conversation)
 * against the global triggers, plus the local ones where the flow cannot use the text. Returns the
 * classification to ask for, or null when no trigger can apply.
 */
export function intentRequest(
  compiled: CompiledFlow,
  snapshot: AnyMachineSnapshot,
  event: EngineInput,
): ClassifyIntentRequest | null {
  const routes = routesFor(compiled, snapshot, event);
  if (routes.length === 0) return null;
  const text = (event as VisitorText).content.text;
  if (flowTakesIt(compiled, snapshot, text)) return null;
  return { text, intents: compiled.doc.intents.filter((i) => routes.some((r) => r.intentId === i.id)) };
}

/** A confident match becomes an `intent` event that jumps to the trigger block; otherwise (or on failure) the text goes through. */
export function routeByOutcome(
  compiled: CompiledFlow,
  snapshot: AnyMachineSnapshot,
  event: EngineInput,
  outcome: EffectOutcome,
): EngineEvent {
  if (!outcome.ok || event.type !== 'visitor_message') return event as EngineEvent;
  const result = outcome.output as Partial<ClassifyIntentResult> | null;
  const confident = Number(result?.confidence) >= compiled.doc.settings.intentThreshold;
  const route = confident
    ? routesFor(compiled, snapshot, event).find((r) => r.intentId === result?.intentId)
    : undefined;
  return route
    ? { type: 'intent', blockId: route.blockId, intentId: route.intentId, content: event.content }
    : (event as EngineEvent);
}
