import { createPreviewEffects, type EffectNote, type PreviewEffectOptions } from './preview-effects';

/** Preview effects for unit tests: the real fetch, agents available, notes collected; `options` add or replace. */
export function testEffects(options: Partial<PreviewEffectOptions> = {}) {
  const notes: EffectNote[] = [];
  const effects = createPreviewEffects({ fetch, agentsAvailable: () => true, note: (n) => notes.push(n), ...options });
  return { effects, notes };
}
