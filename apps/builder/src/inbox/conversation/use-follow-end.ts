import { type UIEvent, useEffect, useRef, useState } from 'react';

/**
 * A log that stays at its newest entry while the reader is there. One who scrolled up to read back keeps their place
 * and is told how many entries arrived below (`unseen`) until they scroll down or `jump`. `sent` counts what the
 * reader sent themselves: each send brings the log down and has it follow (a teammate's message does not).
 * `redraw`: other changes that grow the end (typing, a streamed answer). `end` goes on the log's last child.
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
  // The log's box shrinks when something above it grows (a longer summary, the header wrapping): one that follows
  // keeps its newest entry in view.
  useEffect(() => {
    const log = end.current?.parentElement;
    if (!log) return;
    const observer = new ResizeObserver(() => {
      if (following.current) end.current?.scrollIntoView({ block: 'end' });
    });
    observer.observe(log);
    return () => observer.disconnect();
  }, []);
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
