import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/database';
import type { Database } from '../db/schema';
import type { Logger } from './logger';

/** Everything routes and workers need, built once per process by `createServices`. */
export interface Services {
  config: Config;
  database: DatabaseHandle;
  db: Kysely<Database>;
  logger: Logger;
  /** Run in reverse order on shutdown (workers, listeners); add yours with `onClose`. */
  onClose(close: () => Promise<void> | void): void;
  close(): Promise<void>;
}

export function createServices(config: Config, database: DatabaseHandle, logger: Logger): Services {
  const closers: Array<() => Promise<void> | void> = [];
  return {
    config,
    database,
    db: database.db,
    logger,
    onClose: (close) => {
      closers.push(close);
    },
    close: async () => {
      for (const close of closers.reverse()) await close();
    },
  };
}
