import type { AuthorKind } from '@flowdesk/contract';

export interface RemoteTypist {
  author: AuthorKind;
  name: string | null;
}

/** The other side's typing indicator; it clears itself if the "stopped" frame never arrives. */
export class RemoteTyping {
  private timer: ReturnType<typeof setTimeout> | undefined;
  current: RemoteTypist | null = null;

  constructor(
    private readonly onChange: (typist: RemoteTypist | null) => void,
    private readonly expireMs = 8000,
  ) {}

  update(typist: RemoteTypist, typing: boolean): void {
    clearTimeout(this.timer);
    if (typing) this.timer = setTimeout(() => this.set(null), this.expireMs);
    this.set(typing ? typist : null);
  }

  /** A message from the typist arrived: they have stopped typing it. */
  clear(): void {
    clearTimeout(this.timer);
    this.set(null);
  }

  private set(typist: RemoteTypist | null): void {
    const changed = this.current?.author !== typist?.author || this.current?.name !== typist?.name;
    this.current = typist;
    if (changed) this.onChange(typist);
  }
}

/**
 * The visitor's own typing, sent to the runtime: "typing" at most once per `refreshMs` while keys are
 * pressed (so the agent's indicator, which expires, stays on), "stopped" after `idleMs` without input.
 */
export class LocalTyping {
  private lastSent = 0;
  private active = false;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (typing: boolean) => void,
    private readonly refreshMs = 3000,
    private readonly idleMs = 4000,
  ) {}

  input(now = Date.now()): void {
    if (!this.active || now - this.lastSent >= this.refreshMs) {
      this.active = true;
      this.lastSent = now;
      this.send(true);
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), this.idleMs);
  }

  stop(): void {
    clearTimeout(this.idleTimer);
    if (!this.active) return;
    this.active = false;
    this.send(false);
  }
}
