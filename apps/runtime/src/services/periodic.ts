import type { Services } from './index';

export interface PeriodicOptions {
  /** Named in the log line of a failed pass. */
  name: string;
  intervalMs: number;
  /** Run a first pass at once (start-up recovery after a crash) instead of one interval later. */
  runAtStart?: boolean;
}

/**
 * Runs `pass` every `intervalMs` in this process until `services.close()`, one pass at a time: a tick that finds
 * the previous pass still running is skipped. A failing pass (database away) is logged and tried next tick.
 * Passes must be safe on several instances at once (claim rows with a conditional update).
 */
export function startPeriodic(services: Services, options: PeriodicOptions, pass: () => Promise<unknown>) {
  let running: Promise<unknown> | null = null;
  const run = () => {
    if (running) return;
    running = pass()
      .catch((err: unknown) => services.logger.warn({ err }, `${options.name} failed`))
      .finally(() => {
        running = null;
      });
  };
  if (options.runAtStart) run();
  const timer = setInterval(run, options.intervalMs);
  timer.unref();
  services.onClose(async () => {
    clearInterval(timer);
    await running;
  });
}
