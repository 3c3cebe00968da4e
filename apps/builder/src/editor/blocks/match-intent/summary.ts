import { type BlockSummary, intentName } from '../summary-context';

export const summary: BlockSummary<'match_intent'> = (block, ctx) => [
  `Recognises: ${(block.data.intentIds ?? []).map((id) => intentName(ctx, id)).join(', ') || 'nothing yet'}`,
];
