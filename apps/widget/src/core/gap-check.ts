/** What the check reads of the timeline. */
export interface SeqView {
  readonly syncedSeq: number;
  has(seq: number): boolean;
}

/**
 * Notices a message the socket never delivered and asks for one catch-up from just before it. Every
 * stored message is followed by a `conversation` frame carrying the new last seq; when the message itself
 * was lost on the way, nothing else fills the hole while the socket stays up (a later message moves the
 * synced seq past it). The check waits first: on (re)subscribing that frame comes before the replayed
 * messages. The agents' internal notes take a seq the visitor never receives, so a seq is asked for once.
 */
export class GapCheck {
  private from = 0;
  private to = 0;
  private asked = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly timeline: SeqView,
    private readonly catchUpAfter: (seq: number) => void,
    private readonly waitMs = 1500,
  ) {}

  /** The runtime's last seq for the conversation, as a `conversation` frame told it. */
  seen(lastSeq: number): void {
    const known = Math.max(this.timeline.syncedSeq, this.asked);
    if (lastSeq <= known) return;
    if (this.timer) {
      this.to = Math.max(this.to, lastSeq);
      return;
    }
    this.from = known;
    this.to = lastSeq;
    this.timer = setTimeout(() => this.check(), this.waitMs);
  }

  /** Another conversation, or none: forget what was seen. */
  reset(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.from = 0;
    this.to = 0;
    this.asked = 0;
  }

  private check(): void {
    this.timer = undefined;
    this.asked = Math.max(this.asked, this.to);
    for (let seq = this.from + 1; seq <= this.to; seq++) {
      if (this.timeline.has(seq)) continue;
      this.catchUpAfter(seq - 1);
      return;
    }
  }
}
