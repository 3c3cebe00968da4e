export const TYPING_TTL_MS = 6000;

type Announce = (conversationId: string, typing: boolean) => void;

/** One connection's typing state per conversation; "typing" ends by itself after a quiet period. */
export class TypingTracker {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly announce: Announce,
    private readonly ttlMs = TYPING_TTL_MS,
  ) {}

  set(conversationId: string, typing: boolean) {
    const running = this.timers.get(conversationId);
    if (!typing) {
      if (!running) return;
      clearTimeout(running);
      this.timers.delete(conversationId);
      this.announce(conversationId, false);
      return;
    }
    if (running) clearTimeout(running);
    else this.announce(conversationId, true);
    this.timers.set(
      conversationId,
      setTimeout(() => {
        this.timers.delete(conversationId);
        this.announce(conversationId, false);
      }, this.ttlMs),
    );
  }

  /** Ends every typing indicator of this connection (it closed). */
  clear() {
    for (const conversationId of [...this.timers.keys()]) this.set(conversationId, false);
  }
}
