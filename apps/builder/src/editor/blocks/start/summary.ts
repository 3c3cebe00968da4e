import type { BlockSummary } from '../summary-context';

export const summary: BlockSummary<'start'> = () => ['When a conversation begins'];
