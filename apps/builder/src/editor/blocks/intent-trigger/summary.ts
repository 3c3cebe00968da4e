import { type BlockSummary, intentName, quote } from '../summary-context';

export const summary: BlockSummary<'intent_trigger'> = (block, ctx) => [
  `When the visitor says ${quote(intentName(ctx, block.data.intentId))}`,
  block.data.scope === 'local' ? 'Only where the flow cannot use the text' : 'Anywhere in the chat',
];
