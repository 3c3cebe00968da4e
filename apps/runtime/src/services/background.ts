import type { Logger } from './logger';

/** Fire-and-forget work (AI summaries, notifications) that shutdown and tests can wait for. */
export class BackgroundTasks {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  run(name: string, task: () => Promise<void>) {
    const promise = Promise.resolve()
      .then(task)
      .catch((error) => this.logger.error({ err: error, task: name }, 'background task failed'))
      .finally(() => this.pending.delete(promise));
    this.pending.add(promise);
  }

  /** Resolves once every task started so far (and any they started) has finished. */
  async idle() {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
