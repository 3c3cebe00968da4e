import type { BlockSummary } from '../summary-context';

export const summary: BlockSummary<'message'> = (block) => {
  const content = block.data.content;
  if (!content) return ['Empty message'];
  switch (content.type) {
    case 'text':
      return [content.text || 'Empty message'];
    case 'image':
      return [`Image${content.caption ? `: ${content.caption}` : ''} · ${content.url}`];
    case 'video':
    case 'audio':
      return [`${content.type === 'video' ? 'Video' : 'Audio'} · ${content.url}`];
    case 'file':
      return [`File: ${content.name}`];
    case 'link':
      return [`Link button: ${content.label}`];
    case 'carousel':
      return [`Carousel of ${content.cards.length} card${content.cards.length === 1 ? '' : 's'}`];
  }
};
