import type { EmailWorker } from './worker';

export interface EmailLoopOptions {
  /** Pause between passes when idle. */
  intervalMs?: number;
  /** Periodic jobs run before each pass, e.g. the unseen-message and SLA scans that enqueue emails. */
  tasks?: Array<() => Promise<unknown>>;
  onError?: (error: unknown) => void;
}

export interface EmailLoop {
  /** Run a pass now (call after committing a transaction that enqueued email). */
  kick(): void;
  /** Stops polling and waits for the pass in flight. */
  stop(): Promise<void>;
}

/** Polls the outbox in the background; a failing pass (database down) is reported and retried next tick. */
export function startEmailLoop(worker: EmailWorker, options: EmailLoopOptions = {}): EmailLoop {
  const intervalMs = options.intervalMs ?? 2000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const schedule = (delay: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, delay);
    timer.unref?.();
  };

  async function pass() {
    for (const task of options.tasks ?? []) {
      try {
        await task();
      } catch (error) {
        options.onError?.(error);
      }
    }
    await worker.drain();
  }

  function run() {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          schedule(0);
        } else {
          schedule(intervalMs);
        }
      });
  }

  schedule(0);
  return {
    kick: () => schedule(0),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
