import type { Backoff, RateLimitStore } from '../services/rate-limit-store';

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
 * Counted in the shared rate-limit store (Redis or the database), so every instance sees the same delay.
 */
export class LoginThrottle {
  static readonly FREE_FAILURES = 10;
  static readonly FIRST_DELAY_MS = 1000;
  static readonly MAX_DELAY_MS = 60_000;
  /** An account without attempts for this long starts again from zero. */
  static readonly FORGET_AFTER_MS = 15 * 60_000;
  static readonly BACKOFF: Backoff = {
    free: LoginThrottle.FREE_FAILURES,
    firstMs: LoginThrottle.FIRST_DELAY_MS,
    maxMs: LoginThrottle.MAX_DELAY_MS,
    forgetMs: LoginThrottle.FORGET_AFTER_MS,
  };

  constructor(private readonly store: () => RateLimitStore) {}

  /** Starts an attempt of `account`: ms to wait while its delay runs (not counted), else 0 and one more failure. */
  attempt(account: string): Promise<number> {
    return this.store().attempt('login-delay', account, LoginThrottle.BACKOFF);
  }

  succeeded(account: string): Promise<void> {
    return this.store().reset('login-delay', account);
  }
}
