import type { BlockSummary } from '../summary-context';

export const summary: BlockSummary<'http_request'> = (block) => [
  `${block.data.method ?? 'GET'} ${block.data.url || '(no URL)'}`,
];
