import type { Block, Intent, OutputHandle } from '@flowdesk/flow-schema';
import { outputsOf } from '../model/outputs';
import { builderBlocks } from './index';
import type { SummaryContext } from './summary-context';

/** One or two readable lines describing what a block does with its current settings. */
export function summarize(block: Block, ctx: SummaryContext): string[] {
  const summary = builderBlocks[block.type].summary as (block: Block, ctx: SummaryContext) => string[];
  return summary(block, ctx);
}

/** Output handles with the labels an admin recognises (intent names instead of ids). */
export function displayOutputs(block: Block, intents: Intent[]): OutputHandle[] {
  const outputs = outputsOf(block);
  if (block.type !== 'match_intent') return outputs;
  return outputs.map((o) =>
    o.id === 'no_match' ? o : { ...o, label: intents.find((i) => i.id === o.id)?.name ?? o.label },
  );
}
