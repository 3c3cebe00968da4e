// The embedded database's own thread (see pglite-thread.ts). Plain JavaScript: it runs the same under
// tsx, vitest and node, none of which compile a worker's TypeScript.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';

const { dataDir, loadDataDir, pgliteWasmModule, initdbWasmModule, fsBundle } = workerData;
// pgvector is always loaded: migrations install it and index chunk embeddings with HNSW (knowledge/vector-store.ts),
// and a data folder holding that index cannot be opened without it.
// One options object: `new PGlite(undefined, options)` (a restored dump has no dataDir) ignores every option.
const db = new PGlite({
  ...(dataDir ? { dataDir } : {}),
  extensions: { vector },
  ...(loadDataDir ? { loadDataDir } : {}),
  ...(pgliteWasmModule ? { pgliteWasmModule, initdbWasmModule, fsBundle } : {}),
});
/** Open transactions by id: the transaction object and how to end it. */
const open = new Map();
let nextTransaction = 1;
const ROLLBACK = Symbol('rollback');

function begin() {
  return new Promise((resolve, reject) => {
    const id = nextTransaction++;
    let end;
    const ended = new Promise((commit, rollback) => {
      end = (doCommit) => (doCommit ? commit() : rollback(ROLLBACK));
    });
    let started = false;
    const done = db.transaction(async (tx) => {
      started = true;
      open.set(id, { tx, end, done });
      resolve(id);
      await ended;
    });
    done.catch((error) => {
      if (!started) reject(error); // BEGIN itself failed
    });
  });
}

async function finish(id, commit) {
  const transaction = open.get(id);
  if (!transaction) throw new Error(`transaction ${id} is over`);
  transaction.end(commit);
  try {
    await transaction.done;
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  } finally {
    open.delete(id);
  }
}

async function run(message) {
  switch (message.op) {
    case 'query': {
      const target = message.tx ? open.get(message.tx)?.tx : db;
      if (!target) throw new Error(`transaction ${message.tx} is over`);
      const result = await target.query(message.sql, message.params, { rowMode: 'object' });
      return { rows: result.rows, affectedRows: result.affectedRows };
    }
    case 'begin':
      return begin();
    case 'end':
      return finish(message.tx, message.commit);
    case 'ping':
      // Answered between statements, not behind the queue of transactions: the database is open.
      if (db.closed) throw new Error('the embedded database is closed');
      return db.ready;
    case 'dump':
      return db.dumpDataDir(message.compression);
    case 'close':
      if (!db.closed) await db.close();
      return null;
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

/** An error as plain data: its message and PostgreSQL's fields (code, detail, constraint, ...). */
function plain(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  return { ...fields, name: error.name, message: error.message, stack: error.stack };
}

parentPort.on('message', (message) => {
  run(message).then(
    (value) => parentPort.postMessage({ id: message.id, ok: true, value }),
    (error) => parentPort.postMessage({ id: message.id, ok: false, error: plain(error) }),
  );
});
db.waitReady.then(
  () => parentPort.postMessage({ id: 0, ok: true, value: 'ready' }),
  (error) => parentPort.postMessage({ id: 0, ok: false, error: plain(error) }),
);
