import type { BlockSummary } from '../summary-context';

export const summary: BlockSummary<'send_email'> = (block) => [
  `To ${block.data.to || '(nobody)'}`,
  block.data.subject || '(no subject)',
];
