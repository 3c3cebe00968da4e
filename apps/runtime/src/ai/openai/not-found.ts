/**
 * The plain-text protocol of streamed knowledge answers: the model answers in plain text, or exactly
 * `NOT_FOUND` when the knowledge does not hold the answer. While streaming, text that could still turn into the
 * marker is held back, so the marker is never shown.
 */
export const NOT_FOUND_MARKER = 'NOT_FOUND';

/** The longest end of `text` that is a proper start of the marker ("N", "NOT_", ...), or ''. */
function markerStartAtEnd(text: string): string {
  for (let n = Math.min(NOT_FOUND_MARKER.length - 1, text.length); n > 0; n--) {
    const end = text.slice(-n);
    if (NOT_FOUND_MARKER.startsWith(end)) return end;
  }
  return '';
}

/**
 * What of the model's raw text so far may be shown: '' while the reply is, or could still become, the marker
 * (and for good once it starts with it); otherwise the text without any marker written later and, until the
 * reply is `complete`, without a trailing piece that could be the start of one; trimmed. Each result extends
 * the one before as text arrives.
 */
export function visibleAnswer(raw: string, complete = false): string {
  const text = raw.trimStart();
  if (text.startsWith(NOT_FOUND_MARKER) || NOT_FOUND_MARKER.startsWith(text)) return '';
  const clean = text.split(NOT_FOUND_MARKER).join('');
  const held = complete ? 0 : markerStartAtEnd(clean).length;
  return clean.slice(0, clean.length - held).trimEnd();
}
