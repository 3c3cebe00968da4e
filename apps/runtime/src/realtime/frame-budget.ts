const WINDOW_MS = 10_000;

/** At most `limit` client frames per 10 s window on one socket (0 = unlimited). */
export class FrameBudget {
  private used = 0;
  private windowEnds = 0;
  /** True on the first frame over the limit in this window (to answer it once, not every time). */
  justSpent = false;

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(): boolean {
    if (this.limit === 0) return true;
    const now = this.now();
    if (now >= this.windowEnds) {
      this.used = 0;
      this.windowEnds = now + WINDOW_MS;
    }
    this.used += 1;
    this.justSpent = this.used === this.limit + 1;
    return this.used <= this.limit;
  }
}
