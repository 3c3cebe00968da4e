import type { CompiledFlow } from '../compile';
import type { EngineEffects } from '../effects';
import type { EngineInput } from '../engine-input';
import { type StepOptions, type StepResult, step } from '../step';

/** Drives one conversation the way the runtime does: every snapshot goes through JSON between steps. */
export function conversation(compiled: CompiledFlow, effects: EngineEffects, options: Partial<StepOptions> = {}) {
  let snapshot: StepResult['snapshot'] = null;
  const history: StepResult[] = [];
  const send = async (event: EngineInput): Promise<StepResult> => {
    const result = await step(compiled, effects, { ...options, snapshot, event });
    snapshot = result.snapshot === null ? null : JSON.parse(JSON.stringify(result.snapshot));
    history.push(result);
    return result;
  };
  return {
    send,
    start: (variables?: Record<string, unknown>) => send({ type: 'start', ...(variables ? { variables } : {}) }),
    say: (text: string) => send({ type: 'visitor_message', content: { type: 'text', text } }),
    click: (optionId: string, label = optionId) =>
      send({ type: 'visitor_message', content: { type: 'choice_reply', optionId, label } }),
    get snapshot() {
      return snapshot;
    },
    history,
  };
}

export const texts = (result: StepResult) =>
  result.outputs.map((o) => ('text' in o ? o.text : 'prompt' in o ? o.prompt : o.type));
