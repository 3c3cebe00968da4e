import { createPreviewEffects, type EffectNote, type PreviewEffectOptions } from './preview-effects';

/** Preview effects for unit tests: the real fetch, agents available, notes collected; `options` add or replace. */
export function testEffects(options: Partial<PreviewEffectOptions> = {}) {
  const notes: EffectNote[] = [];
  const effects = createPreviewEffects({ fetch, agentsAvailable: () => true, note: (n) => notes.push(n), ...options });
  return { effects, notes };
}

/** A runtime call for tests: records each request it is sent and answers `answer`. */
export function runtimeCall<Request, Answer>(answer: Answer) {
  const asked: Request[] = [];
  const call = async (body: Request): Promise<Answer> => {
    asked.push(body);
    return answer;
  };
  return { asked, call };
}

/** A runtime call that cannot be made: it rejects with `message` (a 429, the network). */
export const refusedCall = (message: string) => async (): Promise<never> => {
  throw new Error(message);
};
