import type { BlockOf, BlockType, Intent } from '@flowdesk/flow-schema';

/** What a block's summary may look up beyond its own settings. */
export interface SummaryContext {
  intents: Intent[];
  teamName?: (teamId: string) => string | undefined;
}

/** One or two readable lines describing what a block of type T does with its current settings. */
export type BlockSummary<T extends BlockType> = (block: BlockOf<T>, ctx: SummaryContext) => string[];

export const intentName = (ctx: SummaryContext, id: string) =>
  ctx.intents.find((i) => i.id === id)?.name ?? `Unknown intent (${id})`;
export const quote = (text: string) => `“${text}”`;
