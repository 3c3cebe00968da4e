import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** What the runtime uses of an embedded database: PGlite itself, or PGlite on its own thread. */
export interface EmbeddedDatabase {
  readonly ready: boolean;
  readonly closed: boolean;
  readonly waitReady: Promise<void>;
  query<T>(sql: string, params?: unknown[], options?: object): Promise<{ rows: T[]; affectedRows?: number }>;
  transaction<T>(fn: (tx: Pick<EmbeddedDatabase, 'query'>) => Promise<T>): Promise<T>;
  dumpDataDir(compression?: 'none' | 'gzip' | 'auto'): Promise<Blob | File>;
  close(): Promise<void>;
}

type Request =
  | { op: 'query'; sql: string; params: unknown[] | undefined; tx?: number }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'ping' }
  | { op: 'dump'; compression?: string }
  | { op: 'close' };
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: Record<string, unknown> };

/** A thread that answered a call this recently, with more in flight, is answering (`ping`). */
const ANSWERING_MS = 1000;

/** PGlite's compiled WebAssembly and file bundle, read and compiled once per process for every thread. */
let shared: Promise<Record<string, unknown>> | null = null;
function sharedAssets() {
  shared ??= (async () => {
    const dist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all([
      WebAssembly.compile(readFileSync(join(dist, 'pglite.wasm'))),
      WebAssembly.compile(readFileSync(join(dist, 'initdb.wasm'))),
    ]);
    return { pgliteWasmModule, initdbWasmModule, fsBundle: new Blob([readFileSync(join(dist, 'pglite.data'))]) };
  })();
  return shared;
}

/**
 * PGlite on a thread of its own. PGlite runs PostgreSQL compiled to WebAssembly: on the runtime's thread
 * every statement holds the event loop for its whole execution, so a burst of writes delayed every HTTP
 * request and WebSocket frame, /healthz included. Here statements run on the database thread while the
 * runtime's thread goes on; each call is one message each way (rows are structured clones: dates, JSON
 * and numbers arrive as PGlite parsed them). The database is still single-connection: PGlite's own
 * transaction lock orders transactions on that thread.
 */
export class PGliteThread implements EmbeddedDatabase {
  readonly waitReady: Promise<void>;
  #ready = false;
  #closed = false;
  #worker: Worker | null = null;
  #next = 1;
  readonly #calls = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  /** When the thread last answered a call (performance.now()). */
  #lastReply = 0;

  constructor(source: { dataDir?: string; loadDataDir?: Blob }) {
    this.waitReady = this.#start(source);
    this.waitReady.catch(() => {});
  }

  get ready() {
    return this.#ready;
  }

  get closed() {
    return this.#closed;
  }

  async query<T>(sql: string, params?: unknown[], _options?: object) {
    return (await this.#call({ op: 'query', sql, params })) as { rows: T[]; affectedRows?: number };
  }

  async transaction<T>(fn: (tx: Pick<EmbeddedDatabase, 'query'>) => Promise<T>): Promise<T> {
    const tx = (await this.#call({ op: 'begin' })) as number;
    let result: T;
    try {
      result = await fn({
        query: async <R>(sql: string, params?: unknown[]) =>
          (await this.#call({ op: 'query', sql, params, tx })) as { rows: R[]; affectedRows?: number },
      });
    } catch (error) {
      await this.#call({ op: 'end', tx, commit: false }).catch(() => {});
      throw error;
    }
    await this.#call({ op: 'end', tx, commit: true });
    return result;
  }

  /**
   * Whether the database thread answers and the database is open (not behind queued transactions). While calls
   * are in flight and one was answered within the last second, the thread is answering: a ping would only wait
   * its turn behind them (a burst of statements runs back to back on the thread before it reads the next message).
   */
  async ping(): Promise<void> {
    if (this.#closed) throw new Error('the embedded database is closed');
    if (this.#ready && this.#calls.size > 0 && performance.now() - this.#lastReply < ANSWERING_MS) return;
    await this.#call({ op: 'ping' });
  }

  async dumpDataDir(compression: 'none' | 'gzip' | 'auto' = 'auto') {
    return (await this.#call({ op: 'dump', compression })) as Blob;
  }

  async close() {
    if (this.#closed) return;
    this.#closed = true;
    await this.waitReady.catch(() => {});
    try {
      await this.#send({ op: 'close' });
    } finally {
      await this.#worker?.terminate();
    }
  }

  async #start(source: { dataDir?: string; loadDataDir?: Blob }) {
    const assets = await sharedAssets();
    const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
      workerData: { ...source, ...assets },
    });
    this.#worker = worker;
    const started = new Promise<void>((resolve, reject) => {
      this.#calls.set(0, { resolve: () => resolve(), reject });
    });
    worker.on('message', (reply: Reply) => this.#settle(reply));
    worker.on('error', (error) => this.#failAll(error));
    worker.on('exit', (code) => {
      this.#closed = true;
      this.#failAll(new Error(`the embedded database thread exited (code ${code})`));
    });
    await started;
    this.#ready = true;
  }

  async #call(request: Request): Promise<unknown> {
    if (this.#closed) throw new Error('the embedded database is closed');
    await this.waitReady;
    return this.#send(request);
  }

  #send(request: Request): Promise<unknown> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#calls.set(id, { resolve, reject });
      this.#worker!.postMessage({ ...request, id });
    });
  }

  #settle(reply: Reply) {
    this.#lastReply = performance.now();
    const call = this.#calls.get(reply.id);
    if (!call) return;
    this.#calls.delete(reply.id);
    if (reply.ok) call.resolve(reply.value);
    else call.reject(asError(reply.error));
  }

  #failAll(error: Error) {
    for (const [id, call] of this.#calls) {
      this.#calls.delete(id);
      call.reject(error);
    }
  }
}

/** The thread's error as an Error with PostgreSQL's fields (code, detail, constraint, ...) on it. */
function asError(fields: Record<string, unknown>): Error {
  const { message, name, stack: _threadStack, ...rest } = fields;
  const error = Object.assign(new Error(String(message)), rest);
  if (typeof name === 'string') error.name = name;
  return error;
}
