import { type UIEvent, useEffect, useRef, useState } from 'react';

/**
 * A log that stays at its newest entry while the reader is there. One who scrolled up to read back keeps their place
 * and is told how many entries arrived below (`unseen`) until they scroll down or `jump`. `force`: the newest entry
 * brings the log down anyway when it arrives (the agent's own reply). `redraw`: other changes that grow the end
 * (typing, a streamed answer).
 */
export function useFollowEnd(count: number, force: boolean, redraw: readonly unknown[]) {
  const end = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const seen = useRef(count);
  const [unseen, setUnseen] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow when entries are added or the end grows
  useEffect(() => {
    // `force` is the newest entry's: it brings the log down when it arrives, not on every later typing change.
    if (following.current || (force && count > seen.current)) {
      end.current?.scrollIntoView({ block: 'end' });
      seen.current = count;
      setUnseen(0);
    } else if (count > seen.current) setUnseen(count - seen.current);
  }, [count, ...redraw]);
  const onScroll = (event: UIEvent<HTMLElement>) => {
    const el = event.currentTarget;
    following.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    if (!following.current) return;
    seen.current = count;
    setUnseen(0);
  };
  const jump = () => end.current?.scrollIntoView({ block: 'end', behavior: 'smooth' });
  return { end, onScroll, unseen, jump };
}
