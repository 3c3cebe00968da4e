/** Plain words for a stored message (`type` + payload), for transcripts and "unseen message" quotes. */
export function messageText(type: string, payload: Record<string, unknown>): string {
  const str = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string) : '');
  switch (type) {
    case 'text':
    case 'validation_error':
    case 'event':
    case 'note':
      return str('text');
    case 'choice_reply':
      return str('label');
    case 'form_reply': {
      const values = (payload.values ?? {}) as Record<string, unknown>;
      return Object.entries(values)
        .map(([name, value]) => `${name}: ${String(value)}`)
        .join('\n');
    }
    case 'choice': {
      const options = Array.isArray(payload.options) ? (payload.options as Array<{ label?: unknown }>) : [];
      const labels = options.map((o) => String(o.label ?? '')).filter(Boolean);
      return [str('text'), labels.length ? `[${labels.join(' | ')}]` : ''].filter(Boolean).join('\n');
    }
    case 'input':
      return str('prompt');
    case 'link':
      return `${str('label')} (${str('url')})`;
    case 'carousel': {
      const cards = Array.isArray(payload.cards) ? (payload.cards as Array<{ title?: unknown }>) : [];
      return cards.map((c) => String(c.title ?? '')).join(' | ');
    }
    case 'image':
    case 'video':
    case 'audio':
    case 'file':
      return [str('caption') || str('name') || `[${type}]`, str('url')].filter(Boolean).join(' ');
    default:
      return `[${type}]`;
  }
}
