import { backoffDelay } from '@flowdesk/contract';

/**
 * Progressive delay per account, whatever address the attempts come from (OWASP Authentication Cheat Sheet:
 * slow guessing down instead of locking the account, so an attacker cannot lock its owner out).
 *
 * The first FREE_FAILURES attempts are free; after that each failed attempt makes the account wait
 * 1 s, 2 s, 4 s … up to MAX_DELAY_MS before the next one. An attempt counts as failed from the moment it
 * starts (so a burst of parallel guesses is slowed too) until `succeeded`, which clears the account. During the
 * delay every attempt is refused, a right password too: otherwise the answer would tell a guess was right.
 * The delay never exceeds MAX_DELAY_MS, so the owner can always sign in soon; a quiet account is forgotten.
 *
 * In memory, per instance, like the per-address limits: N instances allow N times the attempts.
 */
export class LoginThrottle {
  static readonly FREE_FAILURES = 10;
  static readonly FIRST_DELAY_MS = 1000;
  static readonly MAX_DELAY_MS = 60_000;
  /** An account without attempts for this long starts again from zero. */
  static readonly FORGET_AFTER_MS = 15 * 60_000;

  /** In order of last attempt, oldest first (for eviction). */
  private readonly accounts = new Map<string, { failures: number; lastAt: number; until: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    /** Accounts remembered at most (attackers may spray many names); the least recently tried go first. */
    private readonly maxAccounts = 100_000,
  ) {}

  /** Milliseconds before `account` may try again; 0 when it may now. */
  wait(account: string): number {
    const entry = this.current(account);
    return entry ? Math.max(0, entry.until - this.now()) : 0;
  }

  /** Records the start of an attempt (a failure unless `succeeded` follows). */
  attempt(account: string) {
    const now = this.now();
    const failures = (this.current(account)?.failures ?? 0) + 1;
    const over = failures - LoginThrottle.FREE_FAILURES;
    const delay =
      over < 0
        ? 0
        : backoffDelay(over + 1, { baseMs: LoginThrottle.FIRST_DELAY_MS, maxMs: LoginThrottle.MAX_DELAY_MS });
    this.accounts.delete(account);
    this.accounts.set(account, { failures, lastAt: now, until: now + delay });
    this.evict();
  }

  succeeded(account: string) {
    this.accounts.delete(account);
  }

  get size() {
    return this.accounts.size;
  }

  private current(account: string) {
    const entry = this.accounts.get(account);
    if (entry && this.now() - entry.lastAt > LoginThrottle.FORGET_AFTER_MS) {
      this.accounts.delete(account);
      return undefined;
    }
    return entry;
  }

  private evict() {
    for (const account of this.accounts.keys()) {
      if (this.accounts.size <= this.maxAccounts) return;
      this.accounts.delete(account);
    }
  }
}
