import { type UIEvent, useEffect, useRef, useState } from 'react';

/**
 * A log that stays at its newest entry while the reader is there. One who scrolled up to read back keeps their place
 * and is told how many entries arrived below (`unseen`) until they scroll down or `jump`. `sent` counts what the
 * reader sent themselves: each send brings the log down and has it follow (a teammate's message does not).
 * `redraw`: other changes that grow the end (typing, a streamed answer).
 */
export function useFollowEnd(count: number, sent: number, redraw: readonly unknown[]) {
  const end = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const seen = useRef(count);
  const [unseen, setUnseen] = useState(0);
  const toEnd = () => {
    end.current?.scrollIntoView({ block: 'end' });
    seen.current = count;
    setUnseen(0);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow when entries are added or the end grows
  useEffect(() => {
    if (following.current) toEnd();
    else if (count > seen.current) setUnseen(count - seen.current);
  }, [count, ...redraw]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new send brings the log down
  useEffect(() => {
    if (sent === 0) return;
    following.current = true;
    toEnd();
  }, [sent]);
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
