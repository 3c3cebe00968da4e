import type { BlockSummary } from '../summary-context';

export const summary: BlockSummary<'buttons'> = (block) => [
  block.data.text || 'No question text',
  ...(block.data.saveAs ? [`Saves choice to {{${block.data.saveAs}}}`] : []),
  block.data.allowTyping ? 'Typed text: an answer' : 'Typed text: buttons, intents, then “No match”',
];
