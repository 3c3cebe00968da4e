interface Waiting<J, R> {
  job: J;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions<J, R> {
  /** Most jobs in one transaction; 1 turns grouping off. */
  max: number;
  /**
   * Group transactions open at once. While that many are open, new jobs gather into the next group: the
   * busier the database, the larger the groups; an idle one starts each write at once.
   */
  maxInFlight: number;
  /**
   * Runs `jobs` one after another in one transaction and commits it; answers, per job in order, what is
   * left to do after the commit (publish, follow-up work) and gives the job's result. Throws when any
   * job throws: then nothing of the group is stored.
   */
  together(jobs: J[]): Promise<Array<() => Promise<R>>>;
  /** Runs one job in a transaction of its own. */
  alone(job: J): Promise<R>;
}

/**
 * Group commit: the writes that arrive in the same turn of the event loop (a burst of visitor messages,
 * effect results coming back together) share one transaction — one BEGIN, one COMMIT (one disk flush on
 * PostgreSQL) and one round of NOTIFY for the group instead of one per conversation, so a burst costs
 * a fraction of the round trips, the thread hand-offs and the commits. Each job still locks and writes
 * its own conversation row, so the jobs see each other's writes in order (two messages of one
 * conversation stay in arrival order). A job that throws must not take the others down or leave half a
 * group stored: the group's transaction rolls back and every job of it runs again alone, where its error
 * is its own. That is safe because a job's work only writes in its transaction and defers everything
 * else to after the commit.
 */
export class GroupCommit<J, R> {
  readonly #waiting: Array<Waiting<J, R>> = [];
  #scheduled = false;
  #inFlight = 0;

  constructor(private readonly options: GroupCommitOptions<J, R>) {}

  run(job: J): Promise<R> {
    if (this.options.max <= 1) return this.options.alone(job);
    return new Promise<R>((resolve, reject) => {
      this.#waiting.push({ job, resolve, reject });
      this.#schedule();
    });
  }

  /** The next group starts after this turn's I/O (so the turn's writes join it) when a slot is free. */
  #schedule() {
    if (this.#scheduled || this.#waiting.length === 0 || this.#inFlight >= this.options.maxInFlight) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      while (this.#waiting.length > 0 && this.#inFlight < this.options.maxInFlight) {
        void this.#commit(this.#waiting.splice(0, this.options.max));
      }
    });
  }

  async #commit(group: Array<Waiting<J, R>>) {
    this.#inFlight++;
    let outcome: { finishers: Array<() => Promise<R>> } | { error: unknown };
    try {
      outcome = { finishers: await this.options.together(group.map((waiting) => waiting.job)) };
    } catch (error) {
      outcome = { error };
    } finally {
      // The slot is the transaction's: after-commit work (which may write again) does not hold it.
      this.#inFlight--;
      this.#schedule();
    }
    if ('finishers' in outcome) {
      for (const [index, waiting] of group.entries()) await settle(waiting, outcome.finishers[index]!);
    } else if (group.length === 1) {
      group[0]!.reject(outcome.error);
    } else {
      // Every job of the failed group again, each in a transaction of its own.
      for (const waiting of group) await settle(waiting, () => this.options.alone(waiting.job));
    }
  }
}

async function settle<J, R>(waiting: Waiting<J, R>, produce: () => Promise<R>) {
  try {
    waiting.resolve(await produce());
  } catch (error) {
    waiting.reject(error);
  }
}
