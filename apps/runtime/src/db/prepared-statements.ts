import { createHash } from 'node:crypto';
import pg from 'pg';

/** Statements one connection keeps prepared; beyond it, statements run unnamed (parsed each time). */
const MAX_PREPARED_PER_CONNECTION = 256;
/** Distinct statement texts counted before the count starts over (bounded memory). */
const MAX_COUNTED_TEXTS = 4096;

/**
 * A pg client that prepares the statements this process sends repeatedly: the second time a statement
 * text with parameters is seen it gets a name derived from its text, so each connection parses and plans
 * it once and afterwards only binds and executes it (what the hot path — lock, write, notify — repeats
 * for every message). One-off statements (migrations, reports) stay unnamed and leave nothing behind on
 * the server. Named statements are per connection; pg tracks which ones a connection has prepared.
 * Turn off (DB_PREPARED_STATEMENTS=false) behind a pooler that cannot keep them (PgBouncer < 1.21 in
 * transaction mode).
 */
/**
 * Statements starting with this comment are never prepared: reports over a range (analytics) need a plan for
 * their own parameters, and PostgreSQL switches a prepared statement to a generic plan after five runs (a plan
 * made for 7 days then ran on 90: the bench's 90-day bot-filtered overview hit the 15 s statement timeout).
 */
export const PLAN_EACH_TIME = '/* plan each time */';

export function preparingClient(): typeof pg.Client {
  const seen = new Map<string, number>();
  const nameOf = (text: string): string | undefined => {
    const count = (seen.get(text) ?? 0) + 1;
    if (seen.size >= MAX_COUNTED_TEXTS && count === 1) seen.clear();
    seen.set(text, count);
    return count >= 2 ? `fd_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}` : undefined;
  };
  class PreparingClient extends pg.Client {
    readonly #prepared = new Set<string>();
    #preparing = true;
    #inTransaction = false;

    // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; only (text, values) is rewritten.
    override query(...args: any[]): any {
      const [text, values, callback] = args;
      if (typeof text === 'string') this.#track(text);
      if (
        this.#preparing &&
        typeof text === 'string' &&
        !text.startsWith(PLAN_EACH_TIME) &&
        Array.isArray(values) &&
        callback === undefined
      ) {
        const name = nameOf(text);
        if (name && (this.#prepared.has(name) || this.#prepared.size < MAX_PREPARED_PER_CONNECTION)) {
          this.#prepared.add(name);
          return this.#named(name, text, values);
        }
      }
      // biome-ignore lint/suspicious/noExplicitAny: see above.
      return (super.query as (...rest: any[]) => any)(...args);
    }

    async #named(name: string, text: string, values: unknown[]) {
      const inTransaction = this.#inTransaction;
      try {
        return await super.query({ name, text, values });
      } catch (error) {
        // Another instance migrated the schema under this one (a rolling upgrade): a prepared `select *`
        // whose columns changed fails. This connection stops preparing; outside a transaction the
        // statement runs again unnamed, inside one the transaction fails once and its caller retries.
        if (!isStalePlan(error)) throw error;
        this.#preparing = false;
        if (inTransaction) throw error;
        return super.query(text, values);
      }
    }

    #track(text: string) {
      const command = text.trimStart().slice(0, 8).toLowerCase();
      if (command.startsWith('begin') || command.startsWith('start')) this.#inTransaction = true;
      else if (/^(commit|rollback|end)\b/.test(command)) this.#inTransaction = false;
    }
  }
  return PreparingClient;
}

/** PostgreSQL's "cached plan must not change result type" (feature_not_supported). */
function isStalePlan(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '0A000' && /cached plan/.test(String((error as Error).message));
}
