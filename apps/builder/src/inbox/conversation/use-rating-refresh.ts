import { useEffect, useRef } from 'react';
import type { ConversationDetail } from '../inbox-api';

/**
 * The side panel's rating comes with the conversation detail; a rating arrives live as a `csat` timeline
 * event, so a new one of those reloads the detail once.
 */
export function useRatingRefresh(detail: ConversationDetail | null | undefined, reload: () => unknown) {
  const events = detail
    ? detail.messages.filter((m) => m.content.type === 'event' && m.content.kind === 'csat').length
    : null;
  const seen = useRef<number | null>(null);
  useEffect(() => {
    if (events === null) return;
    if (seen.current !== null && events > seen.current) void reload();
    seen.current = events;
  }, [events, reload]);
}
