import { fromPromise } from 'xstate';
import type { EmailEffectRequest, EngineEffects, HandoffEffectRequest, HandoffEffectResult } from '../effects';

/**
 * The host's effects for the actors of one running conversation, keyed by its actor system. `step()`
 * binds them per call, so effects objects made per request cost nothing (no `machine.provide` clone,
 * which rebuilds every state). Hosts driving the machine themselves can still `provide` the actors.
 */
const effectsBySystem = new WeakMap<object, EngineEffects>();

export function bindEffects(system: object, effects: EngineEffects): void {
  effectsBySystem.set(system, effects);
}

interface EffectTypes {
  handoff: [HandoffEffectRequest, HandoffEffectResult];
  sendEmail: [EmailEffectRequest, undefined];
}

/**
 * An actor that calls the bound local effect `name` (rejections follow the block's failure path).
 * External effects are not actors: the machine waits for their result as an event (`awaitEffect`).
 */
export function effectActor<K extends keyof EffectTypes>(name: K) {
  return fromPromise<EffectTypes[K][1], EffectTypes[K][0]>(async ({ input, system }) => {
    const effects = effectsBySystem.get(system);
    if (!effects) throw new Error(`The host did not provide the "${name}" effect`);
    const call = effects[name] as unknown as (req: EffectTypes[K][0]) => Promise<EffectTypes[K][1]>;
    return call.call(effects, input);
  });
}
